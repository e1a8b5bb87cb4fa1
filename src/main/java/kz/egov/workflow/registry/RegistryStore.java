package kz.egov.workflow.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.egov.workflow.application.InvalidRequestException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded registries' tables: read by the embedded adapters, written by testers and administrators
 * over {@code /api/v1/registry} and by the demo seed. Every write validates first and writes all or nothing.
 */
@Component
public class RegistryStore {

  /** Record pages are at most this long. */
  public static final int MAX_PAGE_SIZE = 200;

  private final JdbcTemplate jdbc;

  public RegistryStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Page<T>(List<T> items, int page, int size, long total) {}

  public <T> Optional<T> find(RegistryKind<T> kind, String key) {
    return jdbc.query("SELECT * FROM " + kind.table() + " WHERE " + kind.keyColumn() + " = ?", kind.rowMapper(), key)
        .stream().findFirst();
  }

  public <T> Page<T> list(RegistryKind<T> kind, int page, int size) {
    List<String> problems = new ArrayList<>();
    if (page < 0) {
      problems.add("page: must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.add("size: must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + kind.table(), Long.class);
    List<T> items = jdbc.query("SELECT * FROM " + kind.table() + " ORDER BY " + kind.orderBy()
        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", kind.rowMapper(), (long) page * size, size);
    return new Page<>(items, page, size, total == null ? 0 : total);
  }

  public long count(RegistryKind<?> kind) {
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + kind.table(), Long.class);
    return total == null ? 0 : total;
  }

  /** Stores one record. */
  @Transactional
  public <T> T create(RegistryKind<T> kind, T record) {
    List<String> problems = kind.problems().apply(record);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    try {
      jdbc.update(kind.insertSql(), kind.insertArgs().apply(record));
    } catch (DuplicateKeyException e) {
      throw new RecordConflictException("A " + kind.name() + " " + kind.key().apply(record) + " is already registered");
    }
    return record;
  }

  /**
   * Stores every row of a CSV file, or none: any bad row makes the whole file a 400 that lists every bad
   * row by its line, so the tester fixes the file once.
   */
  @Transactional
  public <T> int importCsv(RegistryKind<T> kind, String csv) {
    List<T> records = parseCsv(kind, csv);
    insertAll(kind, records);
    return records.size();
  }

  /** Stores the records that are not there yet (demo seed); all valid or an exception. */
  @Transactional
  public <T> int insertMissing(RegistryKind<T> kind, String csv) {
    List<T> fresh = parseCsv(kind, csv, false).stream().filter(r -> find(kind, kind.key().apply(r)).isEmpty()).toList();
    insertAll(kind, fresh);
    return fresh.size();
  }

  private <T> void insertAll(RegistryKind<T> kind, List<T> records) {
    try {
      jdbc.batchUpdate(kind.insertSql(), records.stream().map(kind.insertArgs()).toList());
    } catch (DuplicateKeyException e) {
      // another caller stored one of these keys meanwhile; the transaction rolls back
      throw new RecordConflictException("A " + kind.name() + " of this file was registered meanwhile; nothing stored");
    }
  }

  <T> List<T> parseCsv(RegistryKind<T> kind, String csv) {
    return parseCsv(kind, csv, true);
  }

  private <T> List<T> parseCsv(RegistryKind<T> kind, String csv, boolean rejectExisting) {
    List<Csv.Row> rows = Csv.parse(csv == null ? "" : csv);
    if (rows.isEmpty()) {
      throw new InvalidRequestException("The file is empty: the first line must name the columns "
          + String.join(",", kind.csvColumns()));
    }
    List<String> header = rows.get(0).fields();
    List<String> problems = new ArrayList<>();
    for (String column : header) {
      if (!kind.csvColumns().contains(column)) {
        problems.add("line 1: unknown column '" + column + "' (columns: " + String.join(",", kind.csvColumns()) + ")");
      }
    }
    for (String column : kind.requiredColumns()) {
      if (!header.contains(column)) {
        problems.add("line 1: required column '" + column + "' is missing");
      }
    }
    if (rows.size() == 1) {
      problems.add("the file has no rows after the header");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }

    List<T> records = new ArrayList<>();
    Map<String, Integer> keysSeen = new HashMap<>();
    for (Csv.Row row : rows.subList(1, rows.size())) {
      String at = "line " + row.line() + ": ";
      if (row.fields().size() != header.size()) {
        problems.add(at + row.fields().size() + " values for " + header.size() + " columns");
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cells.put(header.get(i), row.fields().get(i).isEmpty() ? null : row.fields().get(i));
      }
      T record;
      try {
        record = kind.fromCsv().apply(cells);
      } catch (RegistryKind.CellException e) {
        problems.add(at + e.getMessage());
        continue;
      }
      List<String> rowProblems = kind.problems().apply(record);
      rowProblems.forEach(p -> problems.add(at + p));
      String key = kind.key().apply(record);
      if (rowProblems.isEmpty()) {
        Integer earlier = keysSeen.putIfAbsent(key, row.line());
        if (earlier != null) {
          problems.add(at + kind.keyColumnLabel() + " " + key + " repeats line " + earlier);
        } else if (rejectExisting && find(kind, key).isPresent()) {
          problems.add(at + kind.keyColumnLabel() + " " + key + " is already registered");
        }
      }
      records.add(record);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return records;
  }
}
