package kz.egov.workflow.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import kz.egov.workflow.documents.DocumentKind;
import kz.egov.workflow.documents.DocumentOrder;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.documents.StoredDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Forms the result "signed with the EDS of the provider's authorised person" (R2 P11/P9, R5 P11/P9: the licence;
 * the motivated refusal after registration: R2 P10/P8, R5 P10/P8, R4 P7, R3 step 6) as a signed PDF, and stores it.
 * Input {@code documentKind}: {@code licence}, {@code refusal}, {@code certificate} (R1 P9, R3 step 5) or
 * {@code archival-certificate} (R4 P7); the certificates' particulars come from {@code formData} (keys in
 * docs/documents.md). Reads the variables of docs/process-variables.md: the business key (the application's id),
 * {@code applicationNumber}, {@code applicationRegisteredAt}, {@code service}, {@code provider},
 * {@code requestKind}, {@code applicantId}, {@code applicantName}, {@code applicant} (registry JSON: address),
 * {@code formData}; a licence {@code licenceNumber} and {@code licenceIssuedOn}; a refusal {@code refusalStep},
 * {@code refusalReason} (required), {@code refusalReasonKk}, {@code refusalReasonRu}; a licence's special
 * conditions {@code specialConditions} (the provider's decision form; else the form's). Sets
 * {@code resultDocumentNumber} and {@code resultDocumentKind}. A retried job returns the document already issued.
 * What the document needs and the diagram does not give is a modelling error (an exception, an incident).
 */
@Component("issueDocument")
public class IssueDocument implements JavaDelegate {

  private static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

  private final ResultDocuments documents;
  private final ObjectMapper json;

  public IssueDocument(ResultDocuments documents, ObjectMapper json) {
    this.documents = documents;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kindCode = StepInputs.required(execution, "documentKind");
    DocumentKind kind = DocumentKind.ofCode(kindCode).orElseThrow(() -> new IllegalArgumentException("Step '"
        + execution.getCurrentActivityName() + "': documentKind '" + kindCode
        + "' is none of licence, refusal, certificate, archival-certificate"));
    String applicationId = StepInputs.optional(execution, "applicationId");
    if (applicationId == null) {
      applicationId = execution.getProcessBusinessKey();
    }
    StoredDocument document = documents.issue(order(execution, kind, applicationId));
    execution.setVariable("resultDocumentNumber", document.number());
    execution.setVariable("resultDocumentKind", document.record().kind().code());
  }

  /**
   * The order for {@code kind} from the variables of docs/process-variables.md (also a task's: R3's drafts are
   * formed when the executor completes a task).
   */
  DocumentOrder order(VariableScope variables, DocumentKind kind, String applicationId) {
    JsonNode applicant = jsonVariable(variables, "applicant");
    return new DocumentOrder(kind, applicationId,
        optional(variables, "applicationNumber"), moment(variables.getVariable("applicationRegisteredAt")),
        optional(variables, "service"), optional(variables, "provider"),
        optional(variables, "requestKind"), optional(variables, "applicantId"),
        optional(variables, "applicantName"),
        applicant == null || !applicant.hasNonNull("address") ? null : applicant.get("address").asText(),
        jsonVariable(variables, "formData"), optional(variables, "licenceNumber"),
        day(variables.getVariable("licenceIssuedOn")), optional(variables, "refusalStep"),
        optional(variables, "refusalReason"), optional(variables, "refusalReasonKk"),
        optional(variables, "refusalReasonRu"), optional(variables, "specialConditions"));
  }

  private static String optional(VariableScope variables, String name) {
    Object value = variables.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  /** Spin JSON (Tasklist, the API), a JSON string, or a map. */
  private JsonNode jsonVariable(VariableScope execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      try {
        return text.isBlank() ? null : json.readTree(text);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Variable '" + name + "' is not JSON: " + e.getOriginalMessage(), e);
      }
    }
    if (value instanceof java.util.Map<?, ?> || value instanceof java.util.List<?>) {
      return json.valueToTree(value);
    }
    try {
      // org.camunda.spin.json.SpinJsonNode prints itself as JSON
      return json.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Variable '" + name + "' is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static OffsetDateTime moment(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atOffset(KAZAKHSTAN);
    }
    if (value instanceof OffsetDateTime time) {
      return time;
    }
    if (value instanceof ZonedDateTime time) {
      return time.toOffsetDateTime();
    }
    return OffsetDateTime.parse(value.toString());
  }

  private static LocalDate day(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atOffset(KAZAKHSTAN).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof TemporalAccessor time) {
      return LocalDate.from(time);
    }
    String text = value.toString().strip();
    return text.length() > 10 ? OffsetDateTime.parse(text).atZoneSameInstant(KAZAKHSTAN).toLocalDate()
        : LocalDate.parse(text);
  }
}
