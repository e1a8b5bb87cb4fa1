package kz.egov.workflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The days-off file an administrator edits (format in docs/calendar.md): the first day of Kurban Ait of
 * each year and the government's transfers of days off. Read strictly: a typo is refused with its place,
 * never half-used.
 */
public final class DaysOffFile {

  /** What the file holds. */
  public record Content(List<ReligiousDayOff> religiousDays, List<DayOffTransfer> transfers) {}

  private static final String KURBAN_AIT = "Kurban Ait (first day)";

  private DaysOffFile() {}

  /** Dates stay text: YAML's own timestamps would turn 2030-13-05 leniently into a date in 2031. */
  private static final class DatesAsText extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (!Tag.TIMESTAMP.equals(tag)) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }

  public static Content read(Resource resource) {
    Object root;
    try (InputStream in = resource.getInputStream()) {
      LoaderOptions options = new LoaderOptions();
      root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
          options, new DatesAsText()).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the days-off file " + resource.getDescription(), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the days-off file " + resource.getDescription() + " is not valid YAML: "
          + e.getMessage(), e);
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the days-off file " + resource.getDescription() + ": " + e.getMessage(), e);
    }
  }

  static Content parse(Object root) {
    if (root == null) {
      return new Content(List.of(), List.of());
    }
    Map<?, ?> top = map(root, "the file");
    only(top, Set.of("religious-days-off", "transfers"), "the file");
    List<ReligiousDayOff> religious = new ArrayList<>();
    int i = 0;
    for (Object item : list(top.get("religious-days-off"), "religious-days-off")) {
      String where = "religious-days-off[" + i++ + "]";
      Map<?, ?> entry = map(item, where);
      only(entry, Set.of("date", "name", "act"), where);
      Object name = entry.get("name");
      religious.add(new ReligiousDayOff(date(entry.get("date"), where + ".date"),
          name == null ? KURBAN_AIT : name.toString(), text(entry.get("act"), where + ".act")));
    }
    List<DayOffTransfer> transfers = new ArrayList<>();
    i = 0;
    for (Object item : list(top.get("transfers"), "transfers")) {
      String where = "transfers[" + i++ + "]";
      Map<?, ?> entry = map(item, where);
      only(entry, Set.of("worked-day", "day-off", "act"), where);
      transfers.add(new DayOffTransfer(date(entry.get("worked-day"), where + ".worked-day"),
          date(entry.get("day-off"), where + ".day-off"), text(entry.get("act"), where + ".act")));
    }
    return new Content(List.copyOf(religious), List.copyOf(transfers));
  }

  private static Map<?, ?> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new IllegalArgumentException(where + " must be a mapping of keys to values");
  }

  private static List<?> list(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException(where + " must be a list");
  }

  private static void only(Map<?, ?> map, Set<String> keys, String where) {
    for (Object key : map.keySet()) {
      if (!keys.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "' (expected " + keys + ")");
      }
    }
  }

  private static LocalDate date(Object value, String where) {
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(where + ": '" + value + "' is not a date like 2026-05-27");
  }

  private static String text(Object value, String where) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(where + ": the act (its name, number and date) is required");
    }
    return value.toString().trim();
  }
}
