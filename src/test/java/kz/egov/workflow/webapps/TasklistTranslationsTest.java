package kz.egov.workflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's Kazakh and Russian (src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/locales):
 * every label of the English file Camunda 7.24 ships is there, translated (product names and symbols aside),
 * with its {{placeholders}}; and the Tasklist configuration offers both languages.
 */
class TasklistTranslationsTest {

  static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
  /** Labels that stay as they are in every language: product names, symbols, empty ones. */
  static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("APP_VENDOR", "ADMIN_APP", "TASKLIST_APP", "COCKPIT_APP",
      "CAM_WIDGET_VARIABLES_TABLE_NULL", "CAM_WIDGET_VARIABLE_NULL", "NO_TASK_FORM", "SEARCH_LESS_THAN",
      "SEARCH_LESS_THAN_EQUALS", "SEARCH_GREATER_THAN", "SEARCH_GREATER_THAN_EQUALS", "DIAGRAM", "OPERATOR",
      "FILTER_CRITERIA_OPERATOR", "FILTER_FORM_PERMISSION_IDENTIFIER");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"kk", "ru"})
  void everyEnglishLabelIsTranslated(String language) throws IOException {
    JsonNode english = read(LOCALES + "en.json").get("labels");
    JsonNode translated = read(LOCALES + language + ".json").get("labels");
    assertThat(english.size()).as("Camunda 7.24's English labels").isGreaterThan(400);
    List<String> problems = new ArrayList<>();
    for (Iterator<String> keys = english.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      String en = english.get(key).asText();
      JsonNode value = translated.get(key);
      if (value == null) {
        problems.add(key + ": missing");
        continue;
      }
      String text = value.asText();
      if (!en.isBlank() && text.isBlank()) {
        problems.add(key + ": empty");
      } else if (!en.isBlank() && text.equals(en) && !SAME_IN_EVERY_LANGUAGE.contains(key)) {
        problems.add(key + ": still English (" + en + ")");
      } else if (!placeholders(en).equals(placeholders(text))) {
        problems.add(key + ": placeholders " + placeholders(en) + " became " + placeholders(text));
      } else if (!en.isBlank() && !SAME_IN_EVERY_LANGUAGE.contains(key) && !text.matches("(?s).*\\p{IsCyrillic}.*")) {
        problems.add(key + ": no Cyrillic letter in '" + text + "'");
      }
    }
    for (Iterator<String> keys = translated.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!english.has(key)) {
        problems.add(key + ": not a label of Tasklist 7.24");
      }
    }
    assertThat(problems).as(language).isEmpty();
  }

  @Test
  void kazakhIsKazakhNotRussian() throws IOException {
    JsonNode kazakh = read(LOCALES + "kk.json").get("labels");
    JsonNode russian = read(LOCALES + "ru.json").get("labels");
    int withKazakhLetters = 0;
    int sameAsRussian = 0;
    for (Iterator<String> keys = kazakh.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      String text = kazakh.get(key).asText();
      if (text.matches("(?s).*[әғқңөұүһіӘҒҚҢӨҰҮҺІ].*")) {
        withKazakhLetters++;
      }
      if (!SAME_IN_EVERY_LANGUAGE.contains(key) && text.equals(russian.get(key).asText())) {
        sameAsRussian++;
      }
    }
    assertThat(withKazakhLetters).as("labels with letters only Kazakh has").isGreaterThan(kazakh.size() * 2 / 3);
    assertThat(sameAsRussian).as("labels left in Russian").isLessThan(5);
    JsonNode dates = read(LOCALES + "kk.json").get("dateLocales");
    assertThat(dates.get("months").get("standalone").get(0).asText()).isEqualTo("Қаңтар");
    assertThat(dates.get("weekdays").get(1).asText()).isEqualTo("дүйсенбі");
  }

  @Test
  void tasklistOffersKazakhRussianAndEnglish() throws IOException {
    String config = text("META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js");
    assertThat(config).contains("availableLocales: ['kk', 'ru', 'en']", "customScripts: ['scripts/egov-language']");
    assertThat(text("META-INF/resources/webjars/camunda/app/tasklist/scripts/egov-language.js"))
        .contains("'tasklist.navbar.action'", "['kk', 'Қазақша']", "['ru', 'Русский']");
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new java.util.TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static JsonNode read(String resource) throws IOException {
    return JSON.readTree(text(resource));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = TasklistTranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }
}
