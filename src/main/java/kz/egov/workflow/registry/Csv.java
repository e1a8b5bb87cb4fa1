package kz.egov.workflow.registry;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 comma-separated values: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF. */
final class Csv {

  /** One record and the line of the file it starts on (1-based), for messages a tester can find. */
  record Row(int line, List<String> fields) {
    boolean blank() {
      return fields.size() == 1 && fields.get(0).isBlank();
    }
  }

  private Csv() {}

  static List<Row> parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int rowStart = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString().strip());
        field.setLength(0);
        rows.add(new Row(rowStart, List.copyOf(fields)));
        fields.clear();
        line++;
        rowStart = line;
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString().strip());
      rows.add(new Row(rowStart, List.copyOf(fields)));
    }
    return rows.stream().filter(r -> !r.blank()).toList();
  }
}
