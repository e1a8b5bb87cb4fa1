package kz.egov.workflow.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.egov.workflow.application.ApplicationStore.StoredApplication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives applications: checks them ({@link ApplicationChecks}), then in one transaction stores the
 * application with its attachments and starts {@code <service>-<channel>} with business key = application id
 * and the start variables of docs/process-variables.md. Idempotent per caller and {@code Idempotency-Key}:
 * the same key with the same request answers the stored first answer and starts nothing; with another
 * request it is refused. Concurrent duplicates meet at the unique key; the loser answers the winner's answer.
 */
@Service
public class ApplicationSubmissions {

  static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
  private static final Logger log = LoggerFactory.getLogger(ApplicationSubmissions.class);

  private final ApplicationChecks checks;
  private final ApplicationStore store;
  private final RuntimeService runtime;
  private final AsSystem asSystem;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;

  public ApplicationSubmissions(ApplicationChecks checks, ApplicationStore store, RuntimeService runtime,
      AsSystem asSystem, PlatformTransactionManager transactions, ObjectMapper json) {
    this.checks = checks;
    this.store = store;
    this.runtime = runtime;
    this.asSystem = asSystem;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
  }

  /** The answer to a submission: the stored first answer when {@code replayed}. */
  public record Receipt(String id, JsonNode response, boolean replayed) {}

  /** The key was used before for another request (422). */
  public static class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException(String message) {
      super(message);
    }
  }

  /** The caller's reference names another application already (409). */
  public static class ReferenceTakenException extends RuntimeException {
    public ReferenceTakenException(String message) {
      super(message);
    }
  }

  public Receipt submit(JsonNode body, String idempotencyKey, Caller caller) {
    Optional<Receipt> earlier = earlier(body, idempotencyKey, caller);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    SubmittedApplication application = checks.check(body, idempotencyKey, caller);
    for (int attempt = 0; ; attempt++) {
      try {
        return transaction.execute(status -> store(application, idempotencyKey, caller));
      } catch (ReferenceTakenException e) {
        // the same request under the same key may have committed since we looked: its repeat, not a conflict
        return earlier(body, idempotencyKey, caller).orElseThrow(() -> e);
      } catch (DataIntegrityViolationException | ConcurrencyFailureException | QueryTimeoutException e) {
        // another request took the key or the reference at the same moment: answer as its repeat
        Optional<Receipt> winner = awaitWinner(body, idempotencyKey, caller, application.reference());
        if (winner.isPresent()) {
          return winner.get();
        }
        if (attempt >= 2) {
          throw e;
        }
        log.info("Submission with key {} by {} collided with one that did not last; trying again", idempotencyKey,
            caller.userId());
      }
    }
  }

  private Receipt store(SubmittedApplication application, String idempotencyKey, Caller caller) {
    String id = application.reference() != null ? application.reference() : UUID.randomUUID().toString();
    if (application.reference() != null && store.find(id).isPresent()) {
      throw new ReferenceTakenException("reference: '" + id + "' is the id of another application already");
    }
    OffsetDateTime now = OffsetDateTime.now(KAZAKHSTAN).truncatedTo(ChronoUnit.MILLIS);
    store.insert(id, application, caller.userId(), idempotencyKey, application.formData().toString(), now);

    Map<String, Object> variables = new HashMap<>();
    variables.put("applicationId", id);
    variables.put("service", application.service());
    variables.put("provider", application.provider());
    variables.put("channel", application.channel());
    putIfPresent(variables, "requestKind", application.requestKind());
    variables.put("applicantId", application.applicantId());
    putIfPresent(variables, "applicantName", application.applicantName());
    putIfPresent(variables, "portalLogin", application.portalLogin());
    variables.put("submittedBy", caller.userId());
    if (application.cms() != null) {
      // DER bytes: a CMS with its document encapsulated outgrows the engine's 4000-character strings
      variables.put("cms", java.util.Base64.getMimeDecoder().decode(application.cms()));
    }
    putIfPresent(variables, "licenceNumber", application.licenceNumber());
    // R3 P3/C2: the diagram checks the one-time password (valid, unexpired, unused) and uses it up
    putIfPresent(variables, "otpId", application.oneTimePasswordId());
    putIfPresent(variables, "otpCode", application.oneTimePasswordCode());
    variables.put("formData", SpinValues.jsonValue(application.formData().toString()).create());
    variables.put("attachmentCount", application.attachments().size());
    String key = ServiceCatalog.processKey(application.service(), application.channel());
    String processInstanceId = asSystem.call(() ->
        runtime.startProcessInstanceByKey(key, id, variables).getProcessInstanceId());

    ObjectNode response = json.createObjectNode();
    response.put("id", id);
    response.putNull("applicationNumber");
    response.put("status", ApplicationStatus.SUBMITTED.code());
    response.set("links", json.valueToTree(Map.of("self", ApplicationLinks.self(id),
        "attachments", ApplicationLinks.attachments(id))));
    store.started(id, processInstanceId, response.toString());
    log.info("Application {} ({} {} by {}) started as {} instance {}", id, application.service(),
        application.requestKind(), caller.userId(), key, processInstanceId);
    return new Receipt(id, response, false);
  }

  /** A stored submission under this caller's key: its answer when the request is the same, else 422. */
  private Optional<Receipt> earlier(JsonNode body, String idempotencyKey, Caller caller) {
    if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 100) {
      return Optional.empty();
    }
    Optional<StoredApplication> stored = store.findByKey(caller.userId(), idempotencyKey);
    if (stored.isEmpty() || stored.get().response() == null) {
      return Optional.empty();
    }
    String hash = ApplicationChecks.sha256(ApplicationChecks.canonical(body).toString()
        .getBytes(StandardCharsets.UTF_8));
    if (!hash.equals(stored.get().requestSha256())) {
      throw new IdempotencyKeyReusedException("Idempotency-Key '" + idempotencyKey + "' was used for application "
          + stored.get().id() + " with another request; use a new key for a new application");
    }
    try {
      return Optional.of(new Receipt(stored.get().id(), json.readTree(stored.get().response()), true));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored answer of application " + stored.get().id() + " is not JSON", e);
    }
  }

  /** The request that won a collision, once it has committed (it holds its row until then). */
  private Optional<Receipt> awaitWinner(JsonNode body, String idempotencyKey, Caller caller, String reference) {
    for (int i = 0; i < 100; i++) {
      Optional<Receipt> winner = earlier(body, idempotencyKey, caller);
      if (winner.isPresent()) {
        return winner;
      }
      if (reference != null && store.find(reference).filter(a -> a.response() != null).isPresent()) {
        // it may be this very request's winner, committed since the look above
        winner = earlier(body, idempotencyKey, caller);
        if (winner.isPresent()) {
          return winner;
        }
        throw new ReferenceTakenException("reference: '" + reference + "' is the id of another application already");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }

  private static void putIfPresent(Map<String, Object> variables, String name, Object value) {
    if (value != null) {
      variables.put(name, value);
    }
  }
}
