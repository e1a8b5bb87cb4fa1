package kz.egov.workflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.egov.workflow.application.ApplicationStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import static org.camunda.spin.Spin.JSON;

/**
 * {@code ${documentChecklist}}: the scanned documents a request needs, as the decision table
 * {@code archival-certificate-required-documents} (R4 P3: "scanned documents according to the kind of archival
 * certificate") lists them, and whether the request has them.
 * <ul>
 *   <li>{@code ${documentChecklist.publish(execution)}}: the end listener of the business rule task; turns its
 *       {@code requiredDocumentsResult} (COLLECT, result list) into the Json variable {@code requiredDocuments}
 *       ({@code [{document, required, nameKk, nameRu, scanVariable}]}) that the forms show;</li>
 *   <li>{@code ${documentChecklist.checkScans(task)}}: the complete listener of the scans task; a required scan
 *       that is missing names the document in Kazakh and Russian (400 through {@code /engine-rest}, the task stays
 *       open), then {@code ${scans}} checks every file (PDF, JPEG, PNG, at most 10 MB);</li>
 *   <li>{@code ${documentChecklist}} as a service task: judges what the request carries, the scans attached in
 *       Tasklist ({@code scan<Document>}) and the attachments sent through the API (named after the document,
 *       {@code workRecordBook.pdf}); sets {@code documentsComplete}, {@code missingDocuments} and
 *       {@code documentsReason[Ru|Kk]} (the particulars of a motivated refusal, R4 table 1-3 "violations in the
 *       applicant's data").</li>
 * </ul>
 */
@Component("documentChecklist")
public class DocumentChecklist implements JavaDelegate {

  static final String RESULT = "requiredDocumentsResult";
  static final String LIST = "requiredDocuments";

  private final ScanChecks scans;
  private final ApplicationStore store;

  public DocumentChecklist(ScanChecks scans, ApplicationStore store) {
    this.scans = scans;
    this.store = store;
  }

  /** One row of the decision table. */
  public record RequiredDocument(String document, boolean required, String nameKk, String nameRu) {

    /** The Tasklist variable holding its scan: {@code scan} + the code with a capital letter. */
    public String scanVariable() {
      return "scan" + document.substring(0, 1).toUpperCase(Locale.ROOT) + document.substring(1);
    }

    String label() {
      return nameKk + " / " + nameRu;
    }
  }

  public void publish(DelegateExecution execution) {
    Object result = execution.getVariable(RESULT);
    if (!(result instanceof Collection<?> rows)) {
      throw new IllegalStateException("Step '" + execution.getCurrentActivityName() + "' needs the decision's result"
          + " list in '" + RESULT + "' (camunda:resultVariable, mapDecisionResult=resultList)");
    }
    SpinJsonNode list = JSON("[]");
    for (Object row : rows) {
      if (!(row instanceof Map<?, ?> values) || values.get("document") == null) {
        throw new IllegalStateException("A row of the required-documents decision has no document: " + row);
      }
      RequiredDocument document = new RequiredDocument(values.get("document").toString().strip(),
          Boolean.TRUE.equals(values.get("required")), text(values.get("nameKk")), text(values.get("nameRu")));
      if (!document.document().matches("[a-z][A-Za-z0-9]{0,60}")) {
        throw new IllegalStateException("Document code '" + document.document() + "' of the required-documents"
            + " decision: a lowerCamelCase code such as workRecordBook");
      }
      SpinJsonNode item = JSON("{}");
      item.prop("document", document.document());
      item.prop("required", document.required());
      item.prop("nameKk", document.nameKk());
      item.prop("nameRu", document.nameRu());
      item.prop("scanVariable", document.scanVariable());
      list.append(item);
    }
    execution.removeVariable(RESULT);
    execution.setVariable(LIST, list);
  }

  public void checkScans(DelegateTask task) {
    List<RequiredDocument> documents = documents(task);
    List<String> missing = new ArrayList<>();
    List<String> required = new ArrayList<>();
    List<String> optional = new ArrayList<>();
    for (RequiredDocument document : documents) {
      (document.required() ? required : optional).add(document.scanVariable());
      if (document.required() && !hasScan(task, document.scanVariable())) {
        missing.add(document.label() + " (" + document.scanVariable() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new FormFieldValidationException(missingVariable(task, documents),
          "Міндетті сканерленген құжаттар тіркелмеген / Не приложены обязательные сканированные документы / Required"
              + " scans missing for the kind '" + task.getVariable("archivalCertificateKind") + "': "
              + String.join("; ", missing));
    }
    scans.check(task, String.join(",", required), String.join(",", optional));
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<RequiredDocument> documents = documents(execution);
    Map<String, String> attached = attachments(execution);
    List<RequiredDocument> missing = new ArrayList<>();
    Map<RequiredDocument, String> unreadable = new LinkedHashMap<>();
    for (RequiredDocument document : documents) {
      boolean scanned = hasScan(execution, document.scanVariable());
      String attachment = attached.get(document.document());
      if (attachment != null && !attachment.isEmpty()) {
        unreadable.put(document, attachment);
      } else if (document.required() && !scanned && attachment == null) {
        missing.add(document);
      }
    }
    boolean complete = missing.isEmpty() && unreadable.isEmpty();
    execution.setVariable("documentsComplete", complete);
    execution.setVariable("missingDocuments", String.join(",", missing.stream().map(RequiredDocument::document)
        .toList()));
    if (complete) {
      execution.removeVariable("documentsReason");
      execution.removeVariable("documentsReasonRu");
      execution.removeVariable("documentsReasonKk");
      return;
    }
    List<String> en = new ArrayList<>();
    List<String> ru = new ArrayList<>();
    List<String> kk = new ArrayList<>();
    if (!missing.isEmpty()) {
      en.add("the documents the kind of archival certificate requires are not attached: "
          + String.join(", ", missing.stream().map(RequiredDocument::document).toList()));
      ru.add("не приложены документы, которые требует вид архивной справки: "
          + String.join(", ", missing.stream().map(RequiredDocument::nameRu).toList()));
      kk.add("мұрағаттық анықтаманың түрі талап ететін құжаттар тіркелмеген: "
          + String.join(", ", missing.stream().map(RequiredDocument::nameKk).toList()));
    }
    if (!unreadable.isEmpty()) {
      en.add("not a PDF, JPEG or PNG scan: " + String.join(", ", unreadable.entrySet().stream()
          .map(e -> e.getKey().document() + " (" + e.getValue() + ")").toList()));
      ru.add("не является сканом PDF, JPEG или PNG: " + String.join(", ", unreadable.entrySet().stream()
          .map(e -> e.getKey().nameRu() + " (" + e.getValue() + ")").toList()));
      kk.add("PDF, JPEG немесе PNG сканы емес: " + String.join(", ", unreadable.entrySet().stream()
          .map(e -> e.getKey().nameKk() + " (" + e.getValue() + ")").toList()));
    }
    execution.setVariable("documentsReason", String.join("; ", en));
    execution.setVariable("documentsReasonRu", String.join("; ", ru));
    execution.setVariable("documentsReasonKk", String.join("; ", kk));
  }

  /**
   * The application's stored attachments by document code (the name without its extension): an empty text
   * for a readable scan, the file's name for one that is not a PDF, JPEG or PNG.
   */
  private Map<String, String> attachments(DelegateExecution execution) {
    Map<String, String> byDocument = new LinkedHashMap<>();
    String applicationId = Optional.ofNullable(StepInputs.optional(execution, "applicationId"))
        .orElse(execution.getProcessBusinessKey());
    if (applicationId == null) {
      return byDocument;
    }
    for (ApplicationStore.AttachmentInfo attachment : store.attachments(applicationId)) {
      String name = attachment.name();
      int dot = name.lastIndexOf('.');
      String code = dot > 0 ? name.substring(0, dot) : name;
      byte[] content = store.attachmentContent(applicationId, attachment.position()).orElse(new byte[0]);
      byDocument.put(code, ScanChecks.isScan(content) ? "" : name);
    }
    return byDocument;
  }

  static List<RequiredDocument> documents(VariableScope scope) {
    Object value = scope.getVariable(LIST);
    if (!(value instanceof SpinJsonNode list) || !list.isArray()) {
      throw new IllegalStateException("The variable '" + LIST + "' (the required-documents decision, published by"
          + " ${documentChecklist.publish(execution)}) is missing");
    }
    List<RequiredDocument> documents = new ArrayList<>();
    for (SpinJsonNode item : list.elements()) {
      documents.add(new RequiredDocument(item.prop("document").stringValue(), item.prop("required").boolValue(),
          item.prop("nameKk").stringValue(), item.prop("nameRu").stringValue()));
    }
    return documents;
  }

  private static boolean hasScan(VariableScope scope, String variable) {
    if (!(scope.getVariableTyped(variable) instanceof FileValue file)) {
      return false;
    }
    try (InputStream in = file.getValue()) {
      return in != null && in.read() >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String missingVariable(DelegateTask task, List<RequiredDocument> documents) {
    return documents.stream().filter(d -> d.required() && !hasScan(task, d.scanVariable()))
        .map(RequiredDocument::scanVariable).findFirst().orElse(LIST);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().strip();
  }
}
