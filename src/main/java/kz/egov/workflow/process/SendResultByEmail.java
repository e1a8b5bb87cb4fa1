package kz.egov.workflow.process;

import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.documents.ResultMail;
import kz.egov.workflow.documents.StoredDocument;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * R4 №1 P8, №2 P8: the result "sent to the applicant's e-mail". Mails the stored result (PDF and {@code .p7s}) to
 * {@code resultEmail} with a text in Kazakh and Russian. The document is {@code resultDocumentNumber} when set, else
 * the application's result (the business key, or {@code applicationId}). Sets {@code resultEmailedTo},
 * {@code resultEmailedAt} and {@code resultEmailMessageId}. Call it with {@code asyncBefore} and a retry cycle: an
 * unreachable SMTP server, or none configured, fails the job, which retries and ends as an incident.
 */
@Component("sendResultByEmail")
public class SendResultByEmail implements JavaDelegate {

  private final ResultDocuments documents;
  private final ResultMail mail;

  public SendResultByEmail(ResultDocuments documents, ResultMail mail) {
    this.documents = documents;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String to = StepInputs.required(execution, "resultEmail");
    String number = StepInputs.optional(execution, "resultDocumentNumber");
    String applicationId = StepInputs.optional(execution, "applicationId");
    if (applicationId == null) {
      applicationId = execution.getProcessBusinessKey();
    }
    String application = applicationId;
    StoredDocument document = (number != null ? documents.byNumber(number) : documents.resultOf(application))
        .orElseThrow(() -> new IllegalStateException("Step '" + execution.getCurrentActivityName()
            + "': no result document " + (number != null ? number : "of application " + application)
            + " to e-mail: issue it first (issueDocument)"));
    ResultMail.Sent sent = mail.send(document, to);
    execution.setVariable("resultEmailedTo", sent.to());
    execution.setVariable("resultEmailedAt", ClockUtil.getCurrentTime());
    execution.setVariable("resultEmailMessageId", sent.messageId());
  }
}
