package kz.egov.workflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.documents.StoredDocument;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R4 №1/№2 P8, "the result sent to the applicant's e-mail", against a real SMTP server in this JVM (GreenMail): the
 * message arrives with the PDF and its signature, in Kazakh and Russian; an SMTP outage becomes retries and an
 * incident, and after "Retry" the mail goes out once. A context of its own: it has an SMTP server configured.
 */
// MOCK, as every second context: closing a second embedded server would clear the webapps' static delegates
// the shared context's Cockpit and Tasklist use
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "camunda.bpm.process-engine-name=maildelivery",
    "spring.mail.host=127.0.0.1",
    "egov.delivery.mail.from=archive@mangystau.example.kz",
    "egov.delivery.mail.timeout=PT5S"})
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class EmailDeliveryTest {

  static final int PORT = freePort();
  static GreenMail smtp = start();

  @Autowired ProcessEngine engine;
  @Autowired ResultDocuments documents;

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> PORT);
  }

  @BeforeEach
  void emptyMailbox() throws Exception {
    if (!smtp.isRunning()) {
      smtp = start();
    }
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterAll
  static void stop() {
    smtp.stop();
  }

  @Test
  void theResultArrivesWithThePdfAndItsSignature() throws Exception {
    StoredDocument document = documents.issue(IssuedForDelivery.archival("em-archival-1", "KZ-MANGYSTAU-2026-000701"));
    ProcessInstance delivery = startEmailDelivery("em-archival-1", "erlan.serikbayev@mail.example.kz");

    Jobs.runDue(engine.getManagementService(), delivery.getId());

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("erlan.serikbayev@mail.example.kz");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("archive@mangystau.example.kz");
    assertThat(mail.getSubject()).isEqualTo("МҰРАҒАТТЫҚ АНЫҚТАМА / АРХИВНАЯ СПРАВКА № KZ-MANGYSTAU-2026-000701-AC");

    List<BodyPart> parts = parts((Multipart) mail.getContent());
    String text = null;
    for (BodyPart part : parts) {
      if (part.getFileName() == null) {
        text = part.getContent().toString();
      }
    }
    assertThat(text).contains("Құрметті Серікбаев Ерлан Қайратұлы!", "өтініміңіз бойынша", "Уважаемый(ая)",
        "по Вашему заявлению № KZ-MANGYSTAU-2026-000701", document.record().verificationUrl());
    BodyPart pdf = attachment(parts, "KZ-MANGYSTAU-2026-000701-AC.pdf");
    BodyPart p7s = attachment(parts, "KZ-MANGYSTAU-2026-000701-AC.pdf.p7s");
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(p7s.getContentType()).startsWith("application/pkcs7-signature");
    assertThat(pdf.getInputStream().readAllBytes()).isEqualTo(document.pdf());
    assertThat(p7s.getInputStream().readAllBytes()).isEqualTo(document.signature());

    assertThat(ended(delivery)).isTrue();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(delivery.getId())
        .variableName("resultEmailedTo").singleResult().getValue()).isEqualTo("erlan.serikbayev@mail.example.kz");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(delivery.getId())
        .variableName("resultEmailMessageId").singleResult().getValue()).isEqualTo(mail.getMessageID());
  }

  @Test
  void anSmtpOutageIsAnIncidentAndTheMailGoesOutOnceAfterRecovery() throws Exception {
    documents.issue(IssuedForDelivery.archival("em-archival-2", "KZ-MANGYSTAU-2026-000702"));
    ProcessInstance delivery = startEmailDelivery("em-archival-2", "applicant@mail.example.kz");
    smtp.stop();

    Job job = Jobs.failUntilIncident(engine.getManagementService(), delivery.getId());
    assertThat(job.getRetries()).isZero();
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(delivery.getId())
        .singleResult();
    assertThat(incident.getActivityId()).isEqualTo("task-send-email");
    assertThat(incident.getIncidentMessage()).containsIgnoringCase("mail");
    assertThat(ended(delivery)).isFalse();

    // the server is back; an operator presses "Retry" in Cockpit
    smtp = start();
    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());

    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    assertThat(ended(delivery)).isTrue();
    Thread.sleep(300);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("applicant@mail.example.kz");
  }

  private ProcessInstance startEmailDelivery(String applicationId, String email) {
    return engine.getRuntimeService().startProcessInstanceByKey("shared-deliver-result", applicationId,
        Map.of("delivery", "email", "resultEmail", email));
  }

  private boolean ended(ProcessInstance instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
  }

  private static List<BodyPart> parts(Multipart multipart) throws Exception {
    List<BodyPart> parts = new ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (part.getContent() instanceof Multipart nested) {
        parts.addAll(parts(nested));
      } else {
        parts.add(part);
      }
    }
    return parts;
  }

  private static BodyPart attachment(List<BodyPart> parts, String name) throws Exception {
    for (BodyPart part : parts) {
      if (name.equals(part.getFileName())) {
        assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
        return part;
      }
    }
    throw new AssertionError("no attachment " + name);
  }

  private static GreenMail start() {
    GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
