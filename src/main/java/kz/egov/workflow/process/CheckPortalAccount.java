package kz.egov.workflow.process;

import java.util.Optional;
import kz.egov.workflow.identity.IdentificationNumbers;
import kz.egov.workflow.registry.PortalAccount;
import kz.egov.workflow.registry.PortalAccounts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * C1 of every portal diagram (R2 №1, R1, R3, R4 №3, R5 №1): "are the registered applicant's data (login
 * IIN/BIN, password) authentic?". The portal checked the password at P1; here the login must be a
 * registered, active portal account, and the account must be the applicant's: an applicant with an IIN files
 * from their own account (the form takes the IIN from the registration, R2 item 8); an applicant with a BIN
 * from the legal entity's account or from a person's account that acts for that BIN.
 *
 * <p>Inputs {@code portalLogin}, {@code applicantId}. Sets {@code portalAccountValid} and the message the
 * applicant sees at P2: {@code portalAccountReason} (English), {@code portalAccountReasonRu},
 * {@code portalAccountReasonKk}. A portal that does not answer throws
 * {@link kz.egov.workflow.registry.StateSystemUnavailableException}: retries, then an incident, never a refusal.
 */
@Component("checkPortalAccount")
public class CheckPortalAccount implements JavaDelegate {

  /** C1's answers, with the text in English, Russian and Kazakh ({0} login, {1} the second particular). */
  enum Answer {
    AUTHENTIC(
        "Portal account {0} ({1}) is registered and active",
        "Учетная запись {0} ({1}) зарегистрирована на портале и активна",
        "{0} ({1}) есептік жазбасы порталда тіркелген және белсенді"),
    MALFORMED_LOGIN(
        "Authorisation refused: the login {0} is not a valid IIN or BIN ({1})",
        "В авторизации отказано: логин {0} не является корректным ИИН или БИН",
        "Авторизациядан бас тартылды: {0} логині дұрыс ЖСН немесе БСН емес"),
    NOT_REGISTERED(
        "Authorisation refused: no portal account is registered for {0}",
        "В авторизации отказано: учетная запись {0} не зарегистрирована на портале",
        "Авторизациядан бас тартылды: {0} есептік жазбасы порталда тіркелмеген"),
    BLOCKED(
        "Authorisation refused: the portal account {0} is blocked ({1})",
        "В авторизации отказано: учетная запись {0} на портале заблокирована ({1})",
        "Авторизациядан бас тартылды: порталдағы {0} есептік жазбасы бұғатталған ({1})"),
    NOT_FOR_LEGAL_ENTITY(
        "Authorisation refused: the portal account {0} does not act for the legal entity with BIN {1}",
        "В авторизации отказано: учетная запись {0} не уполномочена действовать от имени юридического лица"
            + " с БИН {1}",
        "Авторизациядан бас тартылды: {0} есептік жазбасы БСН {1} заңды тұлғаның атынан әрекет етуге"
            + " уәкілетті емес"),
    NOT_THE_APPLICANTS(
        "Authorisation refused: the portal account {0} is not the applicant's (IIN {1})",
        "В авторизации отказано: учетная запись {0} не принадлежит заявителю (ИИН {1})",
        "Авторизациядан бас тартылды: {0} есептік жазбасы өтініш берушіге (ЖСН {1}) тиесілі емес");

    private final String en;
    private final String ru;
    private final String kk;

    Answer(String en, String ru, String kk) {
      this.en = en;
      this.ru = ru;
      this.kk = kk;
    }
  }

  private final PortalAccounts accounts;

  public CheckPortalAccount(PortalAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String login = StepInputs.required(execution, "portalLogin");
    String applicant = StepInputs.required(execution, "applicantId");
    Optional<String> wrong = IdentificationNumbers.iinOrBinProblem(login);
    if (wrong.isPresent()) {
      answer(execution, Answer.MALFORMED_LOGIN, login, wrong.get());
      return;
    }
    // an outage propagates from here: the step's retries and then an incident, not a refusal
    Optional<PortalAccount> found = accounts.findAccount(login);
    if (found.isEmpty()) {
      answer(execution, Answer.NOT_REGISTERED, login, null);
      return;
    }
    PortalAccount account = found.get();
    if (!account.active()) {
      answer(execution, Answer.BLOCKED, login, account.blockedReason());
    } else if (IdentificationNumbers.looksLikeBin(applicant) && !account.actsFor(applicant)) {
      answer(execution, Answer.NOT_FOR_LEGAL_ENTITY, login, applicant);
    } else if (!IdentificationNumbers.looksLikeBin(applicant) && !login.equals(applicant)) {
      answer(execution, Answer.NOT_THE_APPLICANTS, login, applicant);
    } else {
      answer(execution, Answer.AUTHENTIC, login, account.displayName());
    }
  }

  private static void answer(DelegateExecution execution, Answer answer, String login, String particular) {
    execution.setVariable("portalAccountValid", answer == Answer.AUTHENTIC);
    execution.setVariable("portalAccountReason", format(answer.en, login, particular));
    execution.setVariable("portalAccountReasonRu", format(answer.ru, login, particular));
    execution.setVariable("portalAccountReasonKk", format(answer.kk, login, particular));
  }

  private static String format(String pattern, String login, String particular) {
    return pattern.replace("{0}", login).replace("{1}", particular == null ? "" : particular);
  }
}
