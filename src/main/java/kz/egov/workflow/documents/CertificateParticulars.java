package kz.egov.workflow.documents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the particulars of a certificate (R1, R3) and of an archival certificate (R4) from the application's
 * {@code formData}: the keys below are the contract the R1, R3 and R4 diagrams and forms follow
 * (docs/documents.md). What is missing or malformed is named in {@code problems}: the document is not formed.
 *
 * <p>Certificate: {@code culturalValues} (array of {@code {description, quantity}}), {@code destinationCountry},
 * {@code exportPurpose}, {@code exportFrom}, {@code exportUntil} (ISO dates, from ≤ until).
 *
 * <p>Archival certificate: {@code archivalCertificateKind} (one of {@link #ARCHIVAL_KINDS}, or any text printed as
 * written), {@code confirmedInformation}, {@code archive} (default: the provider's name), {@code archivalReferences}
 * (array of {@code {fund, inventory, file, sheets}} or of text).
 */
final class CertificateParticulars {

  /** The kinds of archival certificate R4 names most (the kind decides the scans attached), in Kazakh and Russian. */
  static final Map<String, DocumentsProperties.Bilingual> ARCHIVAL_KINDS = Map.of(
      "work-experience", new DocumentsProperties.Bilingual("еңбек өтілі туралы", "о трудовом стаже"),
      "salary", new DocumentsProperties.Bilingual("жалақы мөлшері туралы", "о размере заработной платы"),
      "education", new DocumentsProperties.Bilingual("білімі туралы", "об образовании"),
      "land-allocation", new DocumentsProperties.Bilingual("жер учаскесін бөлу туралы", "о выделении земельного участка"),
      "awards", new DocumentsProperties.Bilingual("марапаттау туралы", "о награждении"),
      "property", new DocumentsProperties.Bilingual("мүлікке құқығы туралы", "о праве на имущество"),
      "civil-status", new DocumentsProperties.Bilingual("азаматтық хал актілері туралы", "об актах гражданского состояния"),
      "other", new DocumentsProperties.Bilingual("өзге мәселе бойынша", "по иному вопросу"));

  private CertificateParticulars() {}

  static ResultDocument.Certificate certificate(JsonNode form, List<String> problems) {
    List<ResultDocument.CulturalValue> values = new ArrayList<>();
    JsonNode listed = form == null ? null : form.get("culturalValues");
    if (listed == null || !listed.isArray() || listed.isEmpty()) {
      problems.add("formData.culturalValues: the cultural values exported, an array of {description, quantity}");
    } else {
      for (int i = 0; i < listed.size(); i++) {
        JsonNode value = listed.get(i);
        String description = text(value, "description");
        JsonNode quantity = value.get("quantity");
        if (description == null) {
          problems.add("formData.culturalValues[" + i + "].description: required");
        }
        Integer count = quantity == null ? null : quantity.isIntegralNumber() && quantity.canConvertToInt()
            ? Integer.valueOf(quantity.asInt())
            : quantity.isTextual() && quantity.asText().strip().matches("[0-9]{1,6}")
            ? Integer.valueOf(quantity.asText().strip()) : null;
        if (count == null || count < 1) {
          problems.add("formData.culturalValues[" + i + "].quantity: a whole number from 1");
        } else if (description != null) {
          values.add(new ResultDocument.CulturalValue(description, count));
        }
      }
    }
    String country = required(form, "destinationCountry", "the country the values are taken to", problems);
    String purpose = required(form, "exportPurpose", "what for (exhibition, restoration, ...)", problems);
    LocalDate from = date(form, "exportFrom", problems);
    LocalDate until = date(form, "exportUntil", problems);
    if (from != null && until != null && until.isBefore(from)) {
      problems.add("formData.exportUntil: not before exportFrom (" + from + ")");
    }
    return new ResultDocument.Certificate(values, country, purpose, from, until);
  }

  static ResultDocument.ArchivalCertificate archival(JsonNode form, String providerArchive, List<String> problems) {
    String kind = required(form, "archivalCertificateKind", "the kind of archival certificate ("
        + String.join(", ", ARCHIVAL_KINDS.keySet().stream().sorted().toList()) + ", or as written)", problems);
    DocumentsProperties.Bilingual named = kind == null ? null : ARCHIVAL_KINDS.get(kind);
    String confirmed = required(form, "confirmedInformation", "the archival information the certificate confirms",
        problems);
    String archive = text(form, "archive");
    List<String> references = new ArrayList<>();
    JsonNode listed = form == null ? null : form.get("archivalReferences");
    if (listed != null && listed.isArray()) {
      listed.forEach(r -> {
        String reference = reference(r);
        if (reference != null) {
          references.add(reference);
        }
      });
    } else if (listed != null && reference(listed) != null) {
      references.add(reference(listed));
    }
    return new ResultDocument.ArchivalCertificate(kind, named == null ? kind : named.kk(),
        named == null ? kind : named.ru(), confirmed, archive == null ? providerArchive : archive, references);
  }

  /** "Қор № 12, тізімдеме № 1, іс № 34, п. 5–7 / Фонд № 12, опись № 1, дело № 34, л. 5–7", or the text as given. */
  private static String reference(JsonNode reference) {
    if (reference == null || reference.isNull()) {
      return null;
    }
    if (!reference.isObject()) {
      String text = reference.asText().strip();
      return text.isEmpty() ? null : text;
    }
    String fund = text(reference, "fund");
    String inventory = text(reference, "inventory");
    String file = text(reference, "file");
    String sheets = text(reference, "sheets");
    List<String> kk = new ArrayList<>();
    List<String> ru = new ArrayList<>();
    if (fund != null) {
      kk.add("қор № " + fund);
      ru.add("фонд № " + fund);
    }
    if (inventory != null) {
      kk.add("тізімдеме № " + inventory);
      ru.add("опись № " + inventory);
    }
    if (file != null) {
      kk.add("іс № " + file);
      ru.add("дело № " + file);
    }
    if (sheets != null) {
      kk.add("парақтар " + sheets);
      ru.add("листы " + sheets);
    }
    return kk.isEmpty() ? null : String.join(", ", kk) + " / " + String.join(", ", ru);
  }

  private static String required(JsonNode form, String key, String meaning, List<String> problems) {
    String value = text(form, key);
    if (value == null) {
      problems.add("formData." + key + ": " + meaning + ", required");
    }
    return value;
  }

  private static LocalDate date(JsonNode form, String key, List<String> problems) {
    String value = text(form, key);
    if (value == null) {
      problems.add("formData." + key + ": a date (YYYY-MM-DD), required");
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      problems.add("formData." + key + " '" + value + "': a date (YYYY-MM-DD)");
      return null;
    }
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = node == null ? null : node.get(key);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
