package kz.egov.workflow.culturalexport2017;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.egov.workflow.documents.ResultDocuments;
import kz.egov.workflow.notification.EmbeddedSmsGateway;
import kz.egov.workflow.notification.NotificationProperties;
import kz.egov.workflow.notification.OneTimePasswords;
import kz.egov.workflow.process.Jobs;
import kz.egov.workflow.scrapmetal.DemoSigner;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * R3 via the portal (processes/cultural-export-2017/portal.bpmn, item 9): P1/C1/P2, the request signed with an
 * EDS or confirmed with a one-time password (C2: valid, wrong, expired, reused → P4), P5 and P6 calling the
 * provider's procedure with the same business key and application number, P7.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CulturalExportPortalProcessTest {

  static final String KEY = "cultural-export-2017-portal";
  static final String APPLICANT = "900101300126";
  static final Pattern CODE = Pattern.compile("код подтверждения ([0-9]{4,10})");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired DemoPki pki;
  @Autowired OneTimePasswords passwords;
  @Autowired EmbeddedSmsGateway sms;
  @Autowired NotificationProperties notification;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ResultDocuments documents;

  R3Steps steps;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    steps = new R3Steps(engine, pki);
  }

  @Test
  void anEdsSignedRequestGoesThroughTheProvidersProcedureAndEndsInTheCabinet() throws Exception {
    String reference = reference();
    DemoPki.Material material = pki.ensure();
    Map<String, Object> start = request(reference);
    start.put("cms", DemoSigner.fromPkcs12(material.applicantKeyStore(), material.password())
        .signAttached(("{\"applicantId\":\"" + APPLICANT + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    ProcessInstance portal = runtime.startProcessInstanceByKey(KEY, reference, start);
    Jobs.runDue(management, portal.getId());

    assertThat(portal).hasPassed("task-authorise", "task-verify-eds", "task-send").isWaitingAt("call-provider")
        .hasNotPassed("task-check-otp");
    assertThat(runtime.getVariable(portal.getId(), "confirmedBy")).isEqualTo("eds");
    String number = (String) runtime.getVariable(portal.getId(), "applicationNumber");
    assertThat(number).matches("KZ-AKMOLA-\\d{4}-\\d{6}");
    ProcessInstance provider = runtime.createProcessInstanceQuery().superProcessInstanceId(portal.getId())
        .singleResult();
    assertThat(provider.getBusinessKey()).isEqualTo(reference);
    Map<String, Object> called = runtime.getVariables(provider.getId());
    assertThat(called).containsEntry("channel", "provider").containsEntry("requestChannel", "portal")
        .containsEntry("applicationId", reference).containsEntry("applicantId", APPLICANT);
    // the clerk's form is filled from the portal's request
    assertThat(called.get("destinationCountry")).isEqualTo("Италия / Италия");
    assertThat(called.get("items").toString()).contains("Кебенек").doesNotContain("received");

    Map<String, Object> received = R3Steps.received(APPLICANT, "Демо Заявитель Демович", false);
    received.put("items", R3Steps.json(R3Steps.ITEMS.replace("\"quantity\":1}", "\"quantity\":1,\"received\":1}")
        .replace("\"quantity\":2}", "\"quantity\":2,\"received\":2}")));
    steps.throughCheck(provider.getId(), received, "commission", null);
    assertThat(runtime.getVariable(provider.getId(), "applicationNumber")).as("one application number")
        .isEqualTo(number);
    steps.throughPrepare(provider.getId(), "positive", null);
    steps.signAsHead(provider.getId());
    steps.handOver(provider.getId());

    assertThat(provider).isEnded().hasPassed("end-issued");
    assertThat(portal).isEnded().hasPassed("end-certificate");
    Map<String, Object> ended = variables(portal);
    assertThat(ended).containsEntry("outcome", "issued").containsEntry("resultDocumentKind", "certificate")
        .containsEntry("resultSignedBy", "akmola.head").containsEntry("applicationNumber", number);
    assertThat(documents.resultOf(reference).orElseThrow().number()).isEqualTo(number + "-CERT");
  }

  @Test
  void anEdsOfAnotherPersonEndsAtP4() throws Exception {
    String reference = reference();
    DemoPki.Material material = pki.ensure();
    Map<String, Object> start = request(reference);
    start.put("cms", DemoSigner.fromPkcs12(material.companyKeyStore(), material.password()).signAttached(new byte[] {1}));
    ProcessInstance portal = runtime.startProcessInstanceByKey(KEY, reference, start);
    Jobs.runDue(management, portal.getId());

    assertThat(portal).isEnded().hasPassed("end-not-confirmed").hasNotPassed("task-send");
    Map<String, Object> ended = variables(portal);
    assertThat(ended).containsEntry("refusalStep", "P4").containsEntry("confirmedBy", "eds");
    assertThat((String) ended.get("refusalReason")).startsWith("Service refused: the EDS is not confirmed: ")
        .contains("IIN");
  }

  @Test
  void aValidOneTimePasswordConfirmsTheRequestOnce() {
    String reference = reference();
    String phone = phone();
    OneTimePasswords.Issued issued = passwords.issue(new OneTimePasswords.Request(APPLICANT, phone, reference), "portal");
    assertThat(issued.phone()).isEqualTo(phone.substring(0, 5) + "***" + phone.substring(8));
    ProcessInstance portal = startWithOtp(reference, issued.id(), code(phone));

    assertThat(portal).hasPassed("task-check-otp", "task-send").isWaitingAt("call-provider")
        .hasNotPassed("task-verify-eds");
    assertThat(runtime.getVariables(portal.getId())).containsEntry("confirmedBy", "otp")
        .containsEntry("oneTimePasswordValid", true).doesNotContainKey("otpCode");
    assertThat(jdbc.queryForObject("SELECT used_by_application FROM one_time_password WHERE id = ?", String.class,
        issued.id())).isEqualTo(reference);
  }

  @Test
  void aWrongOneTimePasswordEndsAtP4AndCountsAsAnAttempt() {
    String reference = reference();
    String phone = phone();
    OneTimePasswords.Issued issued = passwords.issue(new OneTimePasswords.Request(APPLICANT, phone, reference), "portal");
    String code = code(phone);
    String wrong = code.equals("000000") ? "111111" : "000000";
    ProcessInstance portal = startWithOtp(reference, issued.id(), wrong);

    assertThat(portal).isEnded().hasPassed("task-check-otp", "end-not-confirmed");
    Map<String, Object> ended = variables(portal);
    assertThat(ended).containsEntry("refusalStep", "P4").containsEntry("confirmedBy", "otp")
        .containsEntry("oneTimePasswordValid", false);
    assertThat((String) ended.get("refusalReason"))
        .isEqualTo("Service refused: the EDS is not confirmed: the one-time password is wrong");
    assertThat((String) ended.get("refusalReasonRu"))
        .isEqualTo("Отказ в оказании услуги: ЭЦП не подтверждена: неверный одноразовый пароль");
    assertThat(jdbc.queryForObject("SELECT failed_attempts FROM one_time_password WHERE id = ?", Integer.class,
        issued.id())).isEqualTo(1);
  }

  @Test
  void anExpiredOneTimePasswordEndsAtP4() {
    String reference = reference();
    String phone = phone();
    // sent ten minutes ago: its five minutes are over
    OneTimePasswords earlier = new OneTimePasswords(jdbc, sms, notification, transactions,
        Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)));
    OneTimePasswords.Issued issued = earlier.issue(new OneTimePasswords.Request(APPLICANT, phone, reference), "portal");
    ProcessInstance portal = startWithOtp(reference, issued.id(), code(phone));

    assertThat(portal).isEnded().hasPassed("end-not-confirmed");
    assertThat((String) variables(portal).get("refusalReasonKk")).isEqualTo("Қызмет көрсетуден бас тартылды: ЭЦҚ"
        + " расталмады: бір реттік құпиясөздің қолданылу мерзімі өтті");
  }

  @Test
  void aOneTimePasswordUsedOnceIsRefusedTheSecondTime() {
    String reference = reference();
    String phone = phone();
    OneTimePasswords.Issued issued = passwords.issue(new OneTimePasswords.Request(APPLICANT, phone, reference), "portal");
    String code = code(phone);
    assertThat(startWithOtp(reference, issued.id(), code)).isWaitingAt("call-provider");

    String again = reference();
    ProcessInstance second = startWithOtp(again, issued.id(), code);
    assertThat(second).isEnded().hasPassed("end-not-confirmed");
    assertThat((String) variables(second).get("refusalReason")).endsWith("the one-time password was used already");
  }

  @Test
  void anUnregisteredPortalLoginEndsAtP2() {
    String reference = reference();
    Map<String, Object> start = request(reference);
    start.put("portalLogin", "950615300010");
    start.put("cms", new byte[] {1});
    ProcessInstance portal = runtime.startProcessInstanceByKey(KEY, reference, start);
    Jobs.runDue(management, portal.getId());
    assertThat(portal).isEnded().hasPassed("end-not-authorised").hasNotPassed("gateway-method");
    assertThat(variables(portal)).containsEntry("refusalStep", "P2");
  }

  // --- helpers

  private ProcessInstance startWithOtp(String reference, String otpId, String code) {
    Map<String, Object> start = request(reference);
    start.put("otpId", otpId);
    start.put("otpCode", code);
    ProcessInstance portal = runtime.startProcessInstanceByKey(KEY, reference, start);
    Jobs.runDue(management, portal.getId());
    return portal;
  }

  static Map<String, Object> request(String reference) {
    Map<String, Object> start = new HashMap<>();
    start.put("applicationId", reference);
    start.put("service", "cultural-export-2017");
    start.put("provider", "akmola");
    start.put("channel", "portal");
    start.put("applicantId", APPLICANT);
    start.put("applicantName", "Демо Заявитель Демович");
    start.put("portalLogin", APPLICANT);
    start.put("submittedBy", "portal");
    start.put("formData", SpinValues.jsonValue("{\"culturalValues\":[{\"description\":\"Кебенек, киіз / Кебенек,"
        + " войлок\",\"quantity\":1}],\"destinationCountry\":\"Италия / Италия\",\"exportPurpose\":\"Көрме /"
        + " Выставка\",\"exportFrom\":\"2027-04-01\",\"exportUntil\":\"2027-05-31\",\"paperCopy\":false}").create());
    return start;
  }

  private String code(String phone) {
    Matcher matcher = CODE.matcher(sms.sentTo(phone, 1).get(0).body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  static String reference() {
    return "R3-" + UUID.randomUUID();
  }

  static String phone() {
    return "+7701" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
  }

  private Map<String, Object> variables(ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      if (variable.getValue() != null && instance.getId().equals(variable.getActivityInstanceId())) {
        values.put(variable.getName(), variable.getValue());
      }
    }
    return values;
  }
}
