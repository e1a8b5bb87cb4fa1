package kz.egov.workflow.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.egov.workflow.application.ApplicationStore.StoredApplication;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * Reads applications for {@code GET /api/v1/applications}: from the engine's history, so that finished
 * instances answer too, and also for instances started without the API (engine-rest, Tasklist), found by
 * business key. The engine is queried as the system; who may read what is decided here: the submitter, the
 * channel's system group, the provider's staff, auditors and administrators ({@link ServiceCatalog#mayRead}).
 * An application the caller may not read is answered as unknown (404), so that its existence is not revealed.
 */
@Service
public class ApplicationViews {

  static final List<String> VARIABLES = List.of("applicationId", "service", "channel", "requestKind", "applicantId",
      "applicantName", "submittedBy", "applicationNumber", "applicationRegisteredAt", "deadlineAt", "overdue",
      "outcome", "refusalStep", "refusalReason", "refusalReasonRu", "refusalReasonKk", "resultDocumentNumber",
      "resultDocumentKind", "licenceNumber", "portalLogin", "operator");

  private final ApplicationStore store;
  private final ServiceCatalog catalog;
  private final HistoryService history;
  private final AsSystem asSystem;

  public ApplicationViews(ApplicationStore store, ServiceCatalog catalog, HistoryService history, AsSystem asSystem) {
    this.store = store;
    this.catalog = catalog;
    this.history = history;
    this.asSystem = asSystem;
  }

  /** Unknown, or not the caller's to read (404 either way). */
  public static class ApplicationNotFoundException extends RuntimeException {
    public ApplicationNotFoundException(String id) {
      super("No application " + id);
    }
  }

  /** An application the caller may read, located: its stored row (if submitted through the API) and its instance. */
  public record Located(String id, String service, String channel, Optional<StoredApplication> stored,
      HistoricProcessInstance instance, Map<String, Object> variables) {}

  /** @throws ApplicationNotFoundException when unknown or not readable by the caller */
  public Located locate(String id, Caller caller) {
    Optional<StoredApplication> stored = store.find(id);
    HistoricProcessInstance instance = asSystem.call(() -> {
      if (stored.isPresent() && stored.get().processInstanceId() != null) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(stored.get().processInstanceId())
            .singleResult();
      }
      List<String> keys = catalog.processKeys();
      if (keys.isEmpty()) {
        return null;
      }
      // started without the API: the business key is the application id (docs/process-variables.md)
      return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
          .processDefinitionKeyIn(keys.toArray(String[]::new)).orderByProcessInstanceStartTime().desc()
          .listPage(0, 1).stream().findFirst().orElse(null);
    });
    if (instance == null) {
      throw new ApplicationNotFoundException(id);
    }
    Map<String, Object> variables = variables(List.of(instance.getId())).getOrDefault(instance.getId(), Map.of());
    Optional<ServiceCatalog.ProcessKey> key = catalog.parse(instance.getProcessDefinitionKey());
    String service = stored.map(StoredApplication::service).orElse(key.map(ServiceCatalog.ProcessKey::service)
        .orElse(null));
    String channel = stored.map(StoredApplication::channel).orElse(key.map(ServiceCatalog.ProcessKey::channel)
        .orElse(null));
    String submitter = stored.map(StoredApplication::submittedBy).orElse(text(variables, "submittedBy"));
    boolean submittedByCaller = caller.userId().equals(submitter) || submitter == null
        && caller.userId().equals(instance.getStartUserId());
    if (catalog.confidential(service)) {
      // R5 item 17: the submitter's own login is no pass (the portal submits for everyone); see mayReadConfidential
      String operator = text(variables, "operator");
      if (!catalog.mayReadConfidential(service, channel, caller, text(variables, "applicantId"),
          text(variables, "portalLogin"), operator != null ? operator : submittedByCaller
              && caller.groups().contains(kz.egov.workflow.access.SystemGroup.SERVICE_CENTER_OPERATOR.id())
              ? caller.userId() : null)) {
        throw new ApplicationNotFoundException(id);
      }
    } else if (!submittedByCaller && !catalog.mayRead(service, channel, caller.groups())) {
      throw new ApplicationNotFoundException(id);
    }
    return new Located(id, service, channel, stored, instance, variables);
  }

  public ApplicationView view(String id, Caller caller) {
    Located located = locate(id, caller);
    HistoricProcessInstance instance = located.instance();
    Map<String, Object> v = located.variables();
    List<HistoricActivityInstance> activities = asSystem.call(() -> history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
        .orderPartiallyByOccurrence().asc().list());
    List<ApplicationView.Step> steps = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      if (activity.getActivityName() == null || activity.getActivityName().isBlank()) {
        continue;
      }
      steps.add(new ApplicationView.Step(activity.getActivityId(), activity.getActivityName(),
          activity.getActivityType(), time(activity.getStartTime()), time(activity.getEndTime())));
      if (activity.getEndTime() == null) {
        current.add(activity.getActivityName());
      }
    }
    ApplicationStatus status = status(instance, v);
    OffsetDateTime deadline = time(v.get("deadlineAt"));
    boolean overdue = Boolean.TRUE.equals(v.get("overdue")) || deadline != null && instance.getEndTime() == null
        && deadline.toInstant().isBefore(Instant.now());
    ApplicationView.Refusal refusal = status != ApplicationStatus.REFUSED ? null : new ApplicationView.Refusal(
        text(v, "refusalStep"), text(v, "refusalReason"), text(v, "refusalReasonRu"), text(v, "refusalReasonKk"));
    String documentNumber = text(v, "resultDocumentNumber");
    ApplicationView.Result result = documentNumber == null ? null : new ApplicationView.Result(
        text(v, "resultDocumentKind"), documentNumber, text(v, "licenceNumber"));
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", ApplicationLinks.self(located.id()));
    links.put("attachments", ApplicationLinks.attachments(located.id()));
    if (result != null) {
      links.put("result", ApplicationLinks.result(located.id()));
      links.put("resultSignature", ApplicationLinks.resultSignature(located.id()));
      links.put("resultJson", ApplicationLinks.resultJson(located.id()));
    }
    Optional<StoredApplication> stored = located.stored();
    String requestKind = stored.map(StoredApplication::requestKind).orElse(text(v, "requestKind"));
    ApplicationView.Applicant applicant = new ApplicationView.Applicant(
        Optional.ofNullable(text(v, "applicantId")).orElse(stored.map(StoredApplication::applicantId).orElse(null)),
        Optional.ofNullable(text(v, "applicantName")).orElse(stored.map(StoredApplication::applicantName)
            .orElse(null)));
    return new ApplicationView(located.id(), text(v, "applicationNumber"), located.service(),
        serviceName(located.service()), requestKind, located.channel(), applicant, status.code(), status.text(),
        time(instance.getStartTime()), time(v.get("applicationRegisteredAt")), deadline, overdue, current, steps,
        refusal, result, links);
  }

  /** An applicant's applications the caller may read, newest first. */
  public ApplicationView.Page list(String applicantId, int page, int size, Caller caller) {
    // R5 item 17: a confidential service's applications are listed for the portal only with the applicant's own
    // X-Applicant-Id, and not for operators (each reads the applications they accepted one by one)
    java.util.function.Predicate<String> listable = key -> {
      ServiceCatalog.ProcessKey parsed = catalog.parse(key).orElseThrow();
      return !catalog.confidential(parsed.service()) || catalog.mayReadConfidential(parsed.service(),
          parsed.channel(), caller, applicantId, applicantId, null);
    };
    List<String> keys = catalog.readableProcessKeys(caller.groups()).stream().filter(listable).toList();
    // no group reads these services: only what the caller submitted (still not another applicant's confidential one)
    List<String> own = keys.isEmpty() ? catalog.processKeys().stream().filter(listable).toList() : keys;
    if (own.isEmpty()) {
      return new ApplicationView.Page(applicantId, page, size, 0, List.of());
    }
    return asSystem.call(() -> {
      var query = history.createHistoricProcessInstanceQuery().variableValueEquals("applicantId", applicantId)
          .processDefinitionKeyIn(own.toArray(String[]::new));
      if (keys.isEmpty()) {
        query = query.variableValueEquals("submittedBy", caller.userId());
      }
      long total = query.count();
      List<HistoricProcessInstance> instances = total == 0 ? List.of()
          : query.orderByProcessInstanceStartTime().desc().listPage(page * size, size);
      Map<String, Map<String, Object>> variables = variables(instances.stream().map(HistoricProcessInstance::getId)
          .toList());
      List<ApplicationView.Summary> items = new ArrayList<>();
      for (HistoricProcessInstance instance : instances) {
        Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
        Optional<ServiceCatalog.ProcessKey> key = catalog.parse(instance.getProcessDefinitionKey());
        String id = instance.getBusinessKey() != null ? instance.getBusinessKey() : instance.getId();
        String service = key.map(ServiceCatalog.ProcessKey::service).orElse(null);
        ApplicationStatus status = status(instance, v);
        items.add(new ApplicationView.Summary(id, text(v, "applicationNumber"), service, serviceName(service),
            text(v, "requestKind"), key.map(ServiceCatalog.ProcessKey::channel).orElse(null), status.code(),
            status.text(), time(instance.getStartTime()), Map.of("self", ApplicationLinks.self(id))));
      }
      return new ApplicationView.Page(applicantId, page, size, total, items);
    });
  }

  static ApplicationStatus status(HistoricProcessInstance instance, Map<String, Object> variables) {
    String outcome = text(variables, "outcome");
    if ("issued".equals(outcome)) {
      return ApplicationStatus.ISSUED;
    }
    if ("refused".equals(outcome)) {
      return ApplicationStatus.REFUSED;
    }
    if (instance.getEndTime() != null) {
      return ApplicationStatus.CANCELLED;
    }
    return text(variables, "applicationNumber") != null ? ApplicationStatus.IN_PROGRESS : ApplicationStatus.SUBMITTED;
  }

  private ApplicationProperties.Names serviceName(String service) {
    return catalog.service(service).map(ApplicationProperties.Service::name).orElse(null);
  }

  /** The instances' variables by name; a process-level value wins over a local one of the same name. */
  private Map<String, Map<String, Object>> variables(List<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    List<HistoricVariableInstance> found = asSystem.call(() -> history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
        .variableNameIn(VARIABLES.toArray(String[]::new)).list());
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    for (HistoricVariableInstance variable : found) {
      Map<String, Object> values = byInstance.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>());
      boolean processLevel = variable.getProcessInstanceId().equals(variable.getActivityInstanceId())
          || variable.getProcessInstanceId().equals(variable.getExecutionId());
      if (processLevel || !values.containsKey(variable.getName())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return byInstance;
  }

  static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** Dates as Kazakhstan time; a variable may hold a Date or ISO text. */
  static OffsetDateTime time(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(ApplicationSubmissions.KAZAKHSTAN).toOffsetDateTime();
    }
    if (value instanceof OffsetDateTime time) {
      return time.atZoneSameInstant(ApplicationSubmissions.KAZAKHSTAN).toOffsetDateTime();
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return OffsetDateTime.parse(text).atZoneSameInstant(ApplicationSubmissions.KAZAKHSTAN).toOffsetDateTime();
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }
}
