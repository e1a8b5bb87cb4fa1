package kz.egov.workflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.process.Jobs;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code shared-deliver-result} in the shared context, which has no SMTP server: e-mail delivery then fails with a
 * message that says so and ends as an incident (never reported as sent); the personal cabinet needs nothing sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class DeliverResultProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired ResultDocuments documents;

  @Test
  void withoutAnSmtpServerTheEmailStepIsAnIncidentNotASilentSuccess() {
    documents.issue(IssuedForDelivery.archival("dr-no-smtp", "KZ-MANGYSTAU-2026-000801"));
    ProcessInstance delivery = engine.getRuntimeService().startProcessInstanceByKey("shared-deliver-result",
        "dr-no-smtp", Map.of("delivery", "email", "resultEmail", "applicant@mail.example.kz"));

    Jobs.failUntilIncident(engine.getManagementService(), delivery.getId());

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(delivery.getId())
        .singleResult();
    assertThat(incident.getActivityId()).isEqualTo("task-send-email");
    assertThat(incident.getIncidentMessage()).contains("No SMTP server is configured", "KZ-MANGYSTAU-2026-000801-AC",
        "SPRING_MAIL_HOST");
    assertThat(engine.getRuntimeService().getVariable(delivery.getId(), "resultEmailedAt")).isNull();
  }

  @Test
  void aBadAddressOrAMissingResultIsNamed() {
    ProcessInstance noResult = engine.getRuntimeService().startProcessInstanceByKey("shared-deliver-result",
        "dr-no-result", Map.of("delivery", "email", "resultEmail", "applicant@mail.example.kz"));
    assertThatThrownBy(() -> Jobs.runDue(engine.getManagementService(), noResult.getId()))
        .hasMessageContaining("no result document of application dr-no-result");

    documents.issue(IssuedForDelivery.archival("dr-bad-address", "KZ-MANGYSTAU-2026-000802"));
    ProcessInstance badAddress = engine.getRuntimeService().startProcessInstanceByKey("shared-deliver-result",
        "dr-bad-address", Map.of("delivery", "email", "resultEmail", "not an address"));
    assertThatThrownBy(() -> Jobs.runDue(engine.getManagementService(), badAddress.getId()))
        .hasMessageContaining("resultEmail 'not an address' is not an e-mail address");
  }

  @Test
  void theCabinetNeedsNothingSentAndAnUnknownChannelIsRefused() {
    ProcessInstance cabinet = engine.getRuntimeService().startProcessInstanceByKey("shared-deliver-result",
        "dr-cabinet", Map.of("delivery", "cabinet"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(cabinet.getId())
        .singleResult().getEndActivityId()).isEqualTo("end-in-cabinet");

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("shared-deliver-result",
        "dr-post", Map.of("delivery", "post"))).hasMessageContaining("gateway-delivery");
  }
}
