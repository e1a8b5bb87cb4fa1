package kz.egov.workflow.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;

/**
 * One kind of registry record (person, company, power of attorney): its table, key, CSV columns and
 * how it is read and written, so that list, get, create and CSV import are written once.
 */
record RegistryKind<T>(String name, String table, String keyColumn, Function<T, String> key,
    List<String> csvColumns, List<String> requiredColumns, String insertSql, Function<T, Object[]> insertArgs,
    RowMapper<T> rowMapper, Function<Map<String, String>, T> fromCsv, Function<T, List<String>> problems,
    String orderBy) {

  static final RegistryKind<Person> PERSON = new RegistryKind<>("person", "registry_person", "iin", Person::iin,
      List.of("iin", "surname", "givenName", "patronymic", "birthDate", "address", "deceased"),
      List.of("iin", "surname", "givenName", "birthDate"),
      "INSERT INTO registry_person (iin, surname, given_name, patronymic, birth_date, address, deceased, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
      p -> new Object[] {p.iin(), p.surname(), p.givenName(), blankToNull(p.patronymic()), p.birthDate(),
          blankToNull(p.address()), p.deceased()},
      (rs, i) -> new Person(rs.getString("iin"), rs.getString("surname"), rs.getString("given_name"),
          rs.getString("patronymic"), date(rs, "birth_date"), rs.getString("address"), rs.getBoolean("deceased")),
      row -> new Person(row.get("iin"), row.get("surname"), row.get("givenName"), row.get("patronymic"),
          csvDate(row, "birthDate"), row.get("address"), csvBoolean(row, "deceased", false)),
      Person::problems, "surname, given_name, iin");

  static final RegistryKind<Company> COMPANY = new RegistryKind<>("company", "registry_company", "bin", Company::bin,
      List.of("bin", "name", "legalForm", "registeredOn", "headIin", "address", "active"),
      List.of("bin", "name", "legalForm", "registeredOn"),
      "INSERT INTO registry_company (bin, name, legal_form, registered_on, head_iin, address, active, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
      c -> new Object[] {c.bin(), c.name(), c.legalForm(), c.registeredOn(), blankToNull(c.headIin()),
          blankToNull(c.address()), c.active()},
      (rs, i) -> new Company(rs.getString("bin"), rs.getString("name"), rs.getString("legal_form"),
          date(rs, "registered_on"), rs.getString("head_iin"), rs.getString("address"), rs.getBoolean("active")),
      row -> new Company(row.get("bin"), row.get("name"), row.get("legalForm"), csvDate(row, "registeredOn"),
          row.get("headIin"), row.get("address"), csvBoolean(row, "active", true)),
      Company::problems, "name, bin");

  static final RegistryKind<PowerOfAttorney> POWER_OF_ATTORNEY = new RegistryKind<>("power of attorney",
      "registry_power_of_attorney", "poa_number", PowerOfAttorney::number,
      List.of("number", "principalId", "attorneyIin", "notary", "issuedOn", "validUntil", "powers", "revoked"),
      List.of("number", "principalId", "attorneyIin", "notary", "issuedOn", "validUntil"),
      "INSERT INTO registry_power_of_attorney (poa_number, principal_id, attorney_iin, notary, issued_on,"
          + " valid_until, powers, revoked, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
      a -> new Object[] {a.number(), a.principalId(), a.attorneyIin(), a.notary(), a.issuedOn(), a.validUntil(),
          blankToNull(a.powers()), a.revoked()},
      (rs, i) -> new PowerOfAttorney(rs.getString("poa_number"), rs.getString("principal_id"),
          rs.getString("attorney_iin"), rs.getString("notary"), date(rs, "issued_on"), date(rs, "valid_until"),
          rs.getString("powers"), rs.getBoolean("revoked")),
      row -> new PowerOfAttorney(row.get("number"), row.get("principalId"), row.get("attorneyIin"),
          row.get("notary"), csvDate(row, "issuedOn"), csvDate(row, "validUntil"), row.get("powers"),
          csvBoolean(row, "revoked", false)),
      PowerOfAttorney::problems, "issued_on DESC, poa_number");

  /** The e-gov portal's user accounts (C1 of the portal diagrams); blocked and unblocked by {@link PortalAccountStore}. */
  static final RegistryKind<PortalAccount> PORTAL_ACCOUNT = new RegistryKind<>("portal account", "portal_account",
      "login", PortalAccount::login,
      List.of("login", "displayName", "actsForBin", "registeredAt", "status", "blockedReason"),
      List.of("login", "displayName"),
      "INSERT INTO portal_account (login, display_name, acts_for_bin, registered_at, status, blocked_reason)"
          + " VALUES (?, ?, ?, ?, ?, ?)",
      a -> new Object[] {a.login(), a.displayName().strip(), a.actsForBin(), a.registeredAt(), a.status().name(),
          a.blockedReason()},
      (rs, i) -> new PortalAccount(rs.getString("login"), rs.getString("display_name"), rs.getString("acts_for_bin"),
          rs.getObject("registered_at", OffsetDateTime.class).withOffsetSameInstant(PortalAccount.KAZAKHSTAN),
          PortalAccountStatus.valueOf(rs.getString("status")), rs.getString("blocked_reason")),
      row -> new PortalAccount(row.get("login"), row.get("displayName"), row.get("actsForBin"),
          csvMoment(row, "registeredAt"), csvStatus(row, "status"), row.get("blockedReason")),
      PortalAccount::problems, "login");

  /** The key's name as the CSV and JSON call it. */
  String keyColumnLabel() {
    return csvColumns.get(0);
  }

  /** A CSV cell that cannot be converted; collected with the row's other problems. */
  static final class CellException extends IllegalArgumentException {
    CellException(String message) {
      super(message);
    }
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private static LocalDate csvDate(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new CellException(column + ": '" + value + "' is not a date YYYY-MM-DD");
    }
  }

  /** An instant with its offset ({@code 2026-01-15T10:00:00+05:00}), or a day taken as its start in Kazakhstan. */
  private static OffsetDateTime csvMoment(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.contains("T") ? OffsetDateTime.parse(value)
          : LocalDate.parse(value).atStartOfDay().atOffset(PortalAccount.KAZAKHSTAN);
    } catch (DateTimeParseException e) {
      throw new CellException(column + ": '" + value + "' is not a date YYYY-MM-DD or a time YYYY-MM-DDThh:mm:ss+05:00");
    }
  }

  private static PortalAccountStatus csvStatus(Map<String, String> row, String column) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return PortalAccountStatus.of(value);
    } catch (IllegalArgumentException e) {
      throw new CellException(e.getMessage());
    }
  }

  private static boolean csvBoolean(Map<String, String> row, String column, boolean absent) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      return absent;
    }
    return switch (value.toLowerCase()) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new CellException(column + ": '" + value + "' is not true or false");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
