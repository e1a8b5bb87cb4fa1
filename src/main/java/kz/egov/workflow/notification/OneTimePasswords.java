package kz.egov.workflow.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.egov.workflow.application.ApplicationChecks;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.identity.IdentificationNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time passwords that confirm a request instead of an EDS (R3 item 9, P3 "… or enters a one-time password
 * to sign the request"; C2 accepts either). A code is sent by text message to the applicant's phone for one
 * application ({@code applicationReference}, the portal's reference that becomes the application's id) and one
 * applicant (IIN/BIN); it is valid for {@code egov.notification.otp.ttl}, once, and blocked after
 * {@code max-attempts} wrong codes. Requests are rate-limited per phone and per application.
 *
 * <p>Only the code's salted HMAC is kept with the password; the code itself is in the text message alone (the
 * embedded SMS gateway keeps the messages, which is what a demo needs and a real gateway does not do).
 */
@Service
public class OneTimePasswords {

  static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);
  public static final String PURPOSE = "one-time-password";

  private final JdbcTemplate jdbc;
  private final SmsGateway sms;
  private final NotificationProperties.Otp rules;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  public OneTimePasswords(JdbcTemplate jdbc, SmsGateway sms, NotificationProperties properties,
      PlatformTransactionManager transactions) {
    this(jdbc, sms, properties, transactions, Clock.systemUTC());
  }

  public OneTimePasswords(JdbcTemplate jdbc, SmsGateway sms, NotificationProperties properties,
      PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.sms = sms;
    this.rules = properties.otp();
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** What the portal asks for: a code for this applicant's application, to this phone. */
  public record Request(String applicantId, String phone, String applicationReference) {}

  /** The code went out: its id (the portal sends it back with the code), where to, until when. */
  public record Issued(String id, String phone, OffsetDateTime expiresAt, OffsetDateTime nextCodeAfter) {}

  /** Too many codes: the caller may ask again after {@code retryAfter} (429). */
  public static class TooManyRequestsException extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** Why a code is not accepted, as the applicant reads it (P4). */
  public enum Problem {
    NOT_FOUND("no such one-time password was sent", "одноразовый пароль не найден",
        "бір реттік құпиясөз табылмады"),
    USED("the one-time password was used already", "одноразовый пароль уже использован",
        "бір реттік құпиясөз бұрын пайдаланылған"),
    EXPIRED("the one-time password has expired", "срок действия одноразового пароля истёк",
        "бір реттік құпиясөздің қолданылу мерзімі өтті"),
    OTHER_APPLICANT("the one-time password was sent for another applicant (IIN/BIN)",
        "одноразовый пароль выдан другому заявителю (ИИН/БИН)",
        "бір реттік құпиясөз басқа көрсетілетін қызметті алушыға (ЖСН/БСН) берілген"),
    OTHER_APPLICATION("the one-time password was sent for another application",
        "одноразовый пароль выдан для другого запроса", "бір реттік құпиясөз басқа сұрау салуға берілген"),
    BLOCKED("too many wrong codes: request a new one-time password",
        "слишком много неверных кодов: запросите новый одноразовый пароль",
        "қате кодтар тым көп: жаңа бір реттік құпиясөз сұратыңыз"),
    WRONG_CODE("the one-time password is wrong", "неверный одноразовый пароль", "бір реттік құпиясөз қате");

    private final String en;
    private final String ru;
    private final String kk;

    Problem(String en, String ru, String kk) {
      this.en = en;
      this.ru = ru;
      this.kk = kk;
    }

    public String en() {
      return en;
    }

    public String ru() {
      return ru;
    }

    public String kk() {
      return kk;
    }
  }

  /** The answer to a presented code: valid, or the problem; {@code phone} masked, when the password exists. */
  public record Verdict(boolean valid, Problem problem, String phone) {

    public String message() {
      return valid ? "the request is confirmed by the one-time password sent to " + phone : problem.en();
    }

    public String messageRu() {
      return valid ? "запрос подтверждён одноразовым паролем, отправленным на " + phone : problem.ru();
    }

    public String messageKk() {
      return valid ? "сұрау салу " + phone + " нөміріне жіберілген бір реттік құпиясөзбен расталды" : problem.kk();
    }
  }

  /**
   * Sends a new code. Nothing is kept when the text message cannot be sent.
   *
   * @throws InvalidRequestException naming every problem of the request
   * @throws TooManyRequestsException when a rate limit is reached
   * @throws kz.egov.workflow.registry.StateSystemUnavailableException when the SMS gateway does not take it
   */
  public Issued issue(Request request, String requestedBy) {
    List<String> problems = new ArrayList<>();
    if (request.applicantId() == null || request.applicantId().isBlank()) {
      problems.add("applicantId: required, the applicant's IIN or BIN");
    } else {
      IdentificationNumbers.iinOrBinProblem(request.applicantId()).ifPresent(p -> problems.add("applicantId: " + p));
    }
    if (request.phone() == null || !TextMessage.PHONE.matcher(request.phone()).matches()) {
      problems.add("phone: required, +7 and 10 digits (the applicant's mobile number)");
    }
    if (request.applicationReference() == null
        || !ApplicationChecks.REFERENCE.matcher(request.applicationReference()).matches()) {
      problems.add("applicationReference: required, 1 to 64 letters, digits, '.', '_' or '-' (the reference the"
          + " application will be submitted with)");
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return transaction.execute(status -> {
      OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(KAZAKHSTAN).truncatedTo(ChronoUnit.MILLIS);
      limit(now, request);
      String id = UUID.randomUUID().toString();
      String code = code();
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      String saltHex = HexFormat.of().formatHex(salt);
      OffsetDateTime expiresAt = now.plus(rules.ttl());
      jdbc.update("INSERT INTO one_time_password (id, applicant_id, application_reference, phone, code_salt,"
              + " code_hash, requested_by, issued_at, expires_at, failed_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
          id, request.applicantId(), request.applicationReference(), request.phone(), saltHex,
          hash(saltHex, id, code), requestedBy, now, expiresAt);
      long minutes = Math.max(1, rules.ttl().toMinutes());
      sms.send(new TextMessage(request.phone(), "eGov: растау коды / код подтверждения " + code
          + " (сұрау салу / запрос " + request.applicationReference() + "). " + minutes + " мин жарамды / действителен "
          + minutes + " мин. Ешкімге айтпаңыз / Никому не сообщайте.", PURPOSE));
      return new Issued(id, TextMessage.masked(request.phone()), expiresAt, now.plus(rules.resendInterval()));
    });
  }

  /**
   * Checks a presented code and, when it is good, uses it up (once). Runs in the caller's transaction: a wrong
   * code counts as an attempt with the step that presented it.
   *
   * @param presentedAt when the applicant presented the code (the application's submission): an outage that
   *     delays the check does not let the code expire in the applicant's hands
   */
  public Verdict confirm(String id, String code, String applicantId, String applicationReference,
      Instant presentedAt) {
    if (id == null || !id.matches("[0-9a-fA-F-]{36}")) {
      return new Verdict(false, Problem.NOT_FOUND, null);
    }
    List<Stored> found = jdbc.query("SELECT * FROM one_time_password WHERE id = ? FOR UPDATE",
        (rs, row) -> new Stored(rs.getString("id"), rs.getString("applicant_id"),
            rs.getString("application_reference"), rs.getString("phone"), rs.getString("code_salt"),
            rs.getString("code_hash"), rs.getObject("expires_at", OffsetDateTime.class),
            rs.getInt("failed_attempts"), rs.getObject("used_at", OffsetDateTime.class)), id);
    if (found.isEmpty()) {
      return new Verdict(false, Problem.NOT_FOUND, null);
    }
    Stored stored = found.get(0);
    String phone = TextMessage.masked(stored.phone());
    Problem problem = stored.usedAt() != null ? Problem.USED
        : presentedAt.isAfter(stored.expiresAt().toInstant()) ? Problem.EXPIRED
        : !stored.applicantId().equals(applicantId) ? Problem.OTHER_APPLICANT
        : !stored.applicationReference().equals(applicationReference) ? Problem.OTHER_APPLICATION
        : stored.failedAttempts() >= rules.maxAttempts() ? Problem.BLOCKED
        : null;
    if (problem == null && (code == null || !MessageDigest.isEqual(
        hash(stored.salt(), stored.id(), code.strip()).getBytes(StandardCharsets.US_ASCII),
        stored.hash().getBytes(StandardCharsets.US_ASCII)))) {
      jdbc.update("UPDATE one_time_password SET failed_attempts = failed_attempts + 1 WHERE id = ?", id);
      problem = Problem.WRONG_CODE;
    }
    if (problem != null) {
      return new Verdict(false, problem, phone);
    }
    int used = jdbc.update("UPDATE one_time_password SET used_at = ?, used_by_application = ? WHERE id = ?"
        + " AND used_at IS NULL", OffsetDateTime.now(clock).withOffsetSameInstant(KAZAKHSTAN), applicationReference, id);
    return used == 1 ? new Verdict(true, null, phone) : new Verdict(false, Problem.USED, phone);
  }

  private record Stored(String id, String applicantId, String applicationReference, String phone, String salt,
      String hash, OffsetDateTime expiresAt, int failedAttempts, OffsetDateTime usedAt) {}

  /** The resend interval, then the hourly limits per phone and per application. */
  private void limit(OffsetDateTime now, Request request) {
    OffsetDateTime hourAgo = now.minusHours(1);
    Optional<OffsetDateTime> last = jdbc.query("SELECT MAX(issued_at) FROM one_time_password WHERE phone = ?",
        (rs, row) -> rs.getObject(1, OffsetDateTime.class), request.phone()).stream().filter(t -> t != null)
        .findFirst();
    if (last.isPresent() && last.get().plus(rules.resendInterval()).isAfter(now)) {
      throw new TooManyRequestsException("phone: a code was sent to " + TextMessage.masked(request.phone())
          + " less than " + rules.resendInterval().toSeconds() + " s ago; ask again later",
          Duration.between(now, last.get().plus(rules.resendInterval())));
    }
    window(now, hourAgo, "phone", request.phone(), rules.perPhonePerHour(),
        "phone: " + rules.perPhonePerHour() + " codes an hour to one phone");
    window(now, hourAgo, "application_reference", request.applicationReference(), rules.perApplicationPerHour(),
        "applicationReference: " + rules.perApplicationPerHour() + " codes an hour for one application");
  }

  private void window(OffsetDateTime now, OffsetDateTime since, String column, String value, int limit,
      String message) {
    List<OffsetDateTime> recent = jdbc.query("SELECT issued_at FROM one_time_password WHERE " + column
        + " = ? AND issued_at > ? ORDER BY issued_at", (rs, row) -> rs.getObject(1, OffsetDateTime.class), value,
        since);
    if (recent.size() >= limit) {
      Duration wait = Duration.between(now, recent.get(recent.size() - limit).plusHours(1));
      throw new TooManyRequestsException(message + "; ask again later", wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  private String code() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < rules.length(); i++) {
      code.append(random.nextInt(10));
    }
    return code.toString();
  }

  private static String hash(String saltHex, String id, String code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(saltHex), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
