package kz.egov.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.egov.workflow.signature.DemoPki;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * C1 of the portal diagrams ({@code checkPortalAccount}) and of the provider diagrams ({@code checkStaffMember})
 * in test diagrams (src/test/resources/authorisation), with the embedded portal accounts, the demo users and
 * the demo data: every branch, as the diagrams call them, by bean name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class AuthorisationStepsTest {

  static final String PORTAL = "authorisation-portal-sign-in";
  static final String EMPLOYEE = "authorisation-employee-sign-in";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  @BeforeEach
  void deploy() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PORTAL).count() == 0) {
      repository.createDeployment().name("authorisation tests")
          .addClasspathResource("authorisation/portal-sign-in.bpmn")
          .addClasspathResource("authorisation/employee-sign-in.bpmn").deploy();
    }
  }

  private String run(String key, Map<String, Object> variables) {
    String id = runtime.startProcessInstanceByKey(key, new HashMap<>(variables)).getId();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count())
        .as("C1 is asynchronous").isEqualTo(1);
    Jobs.runDue(management, id);
    return id;
  }

  private String signIn(String login, String applicantId) {
    return run(PORTAL, Map.of("portalLogin", login, "applicantId", applicantId));
  }

  private String end(String id) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance.getEndTime()).as("instance ended").isNotNull();
    return instance.getEndActivityId();
  }

  private Object variable(String id, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  private String reason(String id, String suffix) {
    return (String) variable(id, "portalAccountReason" + suffix);
  }

  // ---- C1 of the portal diagrams ----------------------------------------------------------------------

  @Test
  void theHeadSignsInForTheLegalEntity() {
    String id = signIn("781122301233", "040540000123");

    assertThat(end(id)).isEqualTo("Authorised");
    assertThat(variable(id, "portalAccountValid")).isEqualTo(true);
    assertThat(reason(id, "")).isEqualTo("Portal account 781122301233 (Жумабаев Нурлан Касымович) is registered and active");
    assertThat(reason(id, "Ru")).isEqualTo(
        "Учетная запись 781122301233 (Жумабаев Нурлан Касымович) зарегистрирована на портале и активна");
    assertThat(reason(id, "Kk")).isEqualTo(
        "781122301233 (Жумабаев Нурлан Касымович) есептік жазбасы порталда тіркелген және белсенді");
  }

  @Test
  void aLegalEntitysOwnAccountAndAnIndividualsOwnAccountSignIn() {
    assertThat(end(signIn("110840001237", "110840001237"))).isEqualTo("Authorised");
    // the individual demo applicant who signs with applicant.p12
    assertThat(end(signIn(DemoPki.applicantIin(), DemoPki.applicantIin()))).isEqualTo("Authorised");
    // the head of a legal entity may still file for himself as a person
    assertThat(end(signIn("781122301233", "781122301233"))).isEqualTo("Authorised");
  }

  @Test
  void anUnknownLoginIsRefused() {
    String id = signIn("850315301801", "850315301801");

    assertThat(end(id)).isEqualTo("AuthorisationRefused");
    assertThat(variable(id, "portalAccountValid")).isEqualTo(false);
    assertThat(reason(id, "")).isEqualTo("Authorisation refused: no portal account is registered for 850315301801");
    assertThat(reason(id, "Ru")).isEqualTo(
        "В авторизации отказано: учетная запись 850315301801 не зарегистрирована на портале");
    assertThat(reason(id, "Kk")).isEqualTo(
        "Авторизациядан бас тартылды: 850315301801 есептік жазбасы порталда тіркелмеген");
  }

  @Test
  void aBlockedAccountIsRefusedWithItsReason() {
    String id = signIn("010203500345", "010203500345");

    assertThat(end(id)).isEqualTo("AuthorisationRefused");
    assertThat(reason(id, "")).startsWith("Authorisation refused: the portal account 010203500345 is blocked (")
        .contains("заблокирована по заявлению владельца");
    assertThat(reason(id, "Ru")).startsWith("В авторизации отказано: учетная запись 010203500345 на портале заблокирована (");
    assertThat(reason(id, "Kk")).startsWith(
        "Авторизациядан бас тартылды: порталдағы 010203500345 есептік жазбасы бұғатталған (");
  }

  @Test
  void anAccountThatDoesNotActForTheApplicantsBinIsRefused() {
    String otherEntity = signIn("781122301233", "110840001237");
    assertThat(end(otherEntity)).isEqualTo("AuthorisationRefused");
    assertThat(reason(otherEntity, "")).isEqualTo(
        "Authorisation refused: the portal account 781122301233 does not act for the legal entity with BIN 110840001237");
    assertThat(reason(otherEntity, "Ru")).isEqualTo("В авторизации отказано: учетная запись 781122301233 не уполномочена"
        + " действовать от имени юридического лица с БИН 110840001237");
    assertThat(reason(otherEntity, "Kk")).isEqualTo("Авторизациядан бас тартылды: 781122301233 есептік жазбасы"
        + " БСН 110840001237 заңды тұлғаның атынан әрекет етуге уәкілетті емес");

    // a person's account without a legal entity, and another legal entity's own account
    assertThat(end(signIn("900710400568", "040540000123"))).isEqualTo("AuthorisationRefused");
    assertThat(end(signIn("110840001237", "040540000123"))).isEqualTo("AuthorisationRefused");
  }

  @Test
  void anotherPersonsAccountIsRefusedForAnIndividualApplicant() {
    String id = signIn("781122301233", "900710400568");
    assertThat(end(id)).isEqualTo("AuthorisationRefused");
    assertThat(reason(id, "")).isEqualTo(
        "Authorisation refused: the portal account 781122301233 is not the applicant's (IIN 900710400568)");
    assertThat(reason(id, "Ru")).isEqualTo(
        "В авторизации отказано: учетная запись 781122301233 не принадлежит заявителю (ИИН 900710400568)");
    assertThat(reason(id, "Kk")).isEqualTo(
        "Авторизациядан бас тартылды: 781122301233 есептік жазбасы өтініш берушіге (ЖСН 900710400568) тиесілі емес");
  }

  @Test
  void aLoginThatIsNoIinOrBinIsRefusedNotAnIncident() {
    String id = signIn("781122301234", "040540000123");
    assertThat(end(id)).isEqualTo("AuthorisationRefused");
    assertThat(reason(id, "")).isEqualTo("Authorisation refused: the login 781122301234 is not a valid IIN or BIN"
        + " (IIN 781122301234: check digit is 4, expected 3)");
    assertThat(reason(id, "Ru")).contains("не является корректным ИИН или БИН");
  }

  @Test
  void aMissingLoginIsAModellingErrorThatFailsTheStep() {
    String id = runtime.startProcessInstanceByKey(PORTAL, Map.of("applicantId", "040540000123")).getId();
    String job = management.createJobQuery().processInstanceId(id).singleResult().getId();
    assertThatThrownBy(() -> management.executeJob(job)).hasMessageContaining("needs the variable 'portalLogin'");
  }

  // ---- C1 of the provider diagrams --------------------------------------------------------------------

  private String employee(String userId, String provider) {
    return run(EMPLOYEE, Map.of("submittedBy", userId, "provider", provider));
  }

  @Test
  void theProvidersEmployeeAndItsOtherStaffAreAuthentic() {
    String id = employee("wko.employee", "wko");
    assertThat(end(id)).isEqualTo("Authorised");
    assertThat(variable(id, "employeeAuthentic")).isEqualTo(true);
    assertThat(variable(id, "employeeName"))
        .isEqualTo("Provider employee West Kazakhstan Region Entrepreneurship and Industry Department");
    assertThat((String) variable(id, "employeeReason")).endsWith(
        "(wko.employee) is an employee of West Kazakhstan Region Entrepreneurship and Industry Department"
            + " (wko, wko-employee)");
    assertThat((String) variable(id, "employeeReasonRu")).endsWith(
        "(wko.employee) — сотрудник услугодателя (Управление предпринимательства и индустрии Западно-Казахстанской"
            + " области)");
    assertThat((String) variable(id, "employeeReasonKk")).endsWith(
        "(wko.employee) — қызмет берушінің (Батыс Қазақстан облысының кәсіпкерлік және индустрия басқармасы)"
            + " қызметкері");

    // the clerk who registers, the head who signs: employees of the provider too
    assertThat(end(employee("wko.clerk", "wko"))).isEqualTo("Authorised");
    assertThat(end(employee("akmola.head", "akmola"))).isEqualTo("Authorised");
  }

  @Test
  void aUserInTheProvidersStaffGroupOnlyIsAuthentic() {
    String userId = "wko.newcomer";
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Айжан");
      user.setLastName("Сапарова");
      user.setPassword("x-" + System.nanoTime());
      identity.saveUser(user);
      identity.createMembership(userId, "wko");
    }
    String id = employee(userId, "wko");
    assertThat(end(id)).isEqualTo("Authorised");
    assertThat(variable(id, "employeeName")).isEqualTo("Айжан Сапарова");
  }

  @Test
  void anotherProvidersStaffAnAdministratorAndASystemAreNotThisProvidersEmployees() {
    String id = employee("akmola.employee", "wko");
    assertThat(end(id)).isEqualTo("AuthorisationRefused");
    assertThat(variable(id, "employeeAuthentic")).isEqualTo(false);
    assertThat(variable(id, "employeeName")).isEqualTo("Provider employee Akmola Region Culture Department");
    assertThat(variable(id, "employeeReason")).isEqualTo("The employee's data are not authentic: akmola.employee is"
        + " not an employee of West Kazakhstan Region Entrepreneurship and Industry Department");
    assertThat(variable(id, "employeeReasonRu")).isEqualTo("Данные сотрудника не подтверждены: akmola.employee не"
        + " является сотрудником услугодателя (Управление предпринимательства и индустрии Западно-Казахстанской области)");
    assertThat(variable(id, "employeeReasonKk")).isEqualTo("Қызметкердің деректері расталмады: akmola.employee қызмет"
        + " берушінің (Батыс Қазақстан облысының кәсіпкерлік және индустрия басқармасы) қызметкері емес");

    assertThat(end(employee("admin", "wko"))).isEqualTo("AuthorisationRefused");
    assertThat(end(employee("portal", "wko"))).isEqualTo("AuthorisationRefused");
    assertThat(end(employee("operator", "mangystau"))).isEqualTo("AuthorisationRefused");
  }

  @Test
  void anUnknownUserIsNotAuthentic() {
    String id = employee("nobody.here", "wko");
    assertThat(end(id)).isEqualTo("AuthorisationRefused");
    assertThat(variable(id, "employeeName")).isNull();
    assertThat(variable(id, "employeeReason"))
        .isEqualTo("The employee's data are not authentic: user nobody.here is not registered");
    assertThat(variable(id, "employeeReasonRu"))
        .isEqualTo("Данные сотрудника не подтверждены: пользователь nobody.here не зарегистрирован");
    assertThat(variable(id, "employeeReasonKk"))
        .isEqualTo("Қызметкердің деректері расталмады: nobody.here пайдаланушысы тіркелмеген");
  }

  @Test
  void aProviderThatIsNotConfiguredFailsTheStep() {
    String id = runtime.startProcessInstanceByKey(EMPLOYEE, Map.of("submittedBy", "wko.employee", "provider", "nowhere"))
        .getId();
    String job = management.createJobQuery().processInstanceId(id).singleResult().getId();
    assertThatThrownBy(() -> management.executeJob(job))
        .hasMessageContaining("provider 'nowhere' is not one of egov.access.providers");
  }

  /**
   * Run synchronously by a caller who may not read other users (here the portal's technical user), C1 still
   * sees the employee: the identity look-up is the system's, not the caller's, even when the engine checks
   * authorizations in delegation code too ({@code authorizationEnabledForCustomCode}, off by default).
   */
  @Test
  void theCheckDoesNotDependOnTheCallersRightToReadUsers() {
    String key = "test-staff-member-as-caller";
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("check").camundaDelegateExpression("${checkStaffMember}")
        .camundaInputParameter("employeeId", "${submittedBy}").endEvent().done();
    Deployment deployment = repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("portal");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(key);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
    String id;
    boolean customCodeChecked = engineConfiguration.isAuthorizationEnabledForCustomCode();
    try {
      engineConfiguration.setAuthorizationEnabledForCustomCode(true);
      identity.setAuthentication("portal", List.of("portal-system"));
      assertThat(identity.createUserQuery().userId("wko.employee").count())
          .as("the caller cannot read the employee").isZero();
      id = runtime.startProcessInstanceByKey(key, Map.of("submittedBy", "wko.employee", "provider", "wko")).getId();
    } finally {
      engineConfiguration.setAuthorizationEnabledForCustomCode(customCodeChecked);
      identity.clearAuthentication();
      authorizations.deleteAuthorization(grant.getId());
    }
    try {
      assertThat(variable(id, "employeeAuthentic")).isEqualTo(true);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
