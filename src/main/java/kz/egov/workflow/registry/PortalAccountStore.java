package kz.egov.workflow.registry;

import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.application.InvalidRequestException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded portal accounts' changes beyond create and import ({@link RegistryStore}): blocking an
 * account (C1 then refuses it with the reason) and unblocking it.
 */
@Component
public class PortalAccountStore {

  private final RegistryStore store;
  private final JdbcTemplate jdbc;

  public PortalAccountStore(RegistryStore store, JdbcTemplate jdbc) {
    this.store = store;
    this.jdbc = jdbc;
  }

  /** Blocks the account; a repeat replaces the reason. */
  @Transactional
  public PortalAccount block(String login, String reason) {
    List<String> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add("reason: required (the applicant is told why the account is blocked)");
    }
    Fields.optionalText(problems, "reason", reason == null ? null : reason.strip(), 500);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    PortalAccount blocked = existing(login).blocked(reason);
    jdbc.update("UPDATE portal_account SET status = ?, blocked_reason = ? WHERE login = ?",
        blocked.status().name(), blocked.blockedReason(), login);
    return blocked;
  }

  /** Makes the account active again; unblocking an active account changes nothing. */
  @Transactional
  public PortalAccount unblock(String login) {
    PortalAccount account = existing(login);
    jdbc.update("UPDATE portal_account SET status = ?, blocked_reason = NULL WHERE login = ?",
        PortalAccountStatus.ACTIVE.name(), login);
    return account.unblocked();
  }

  private PortalAccount existing(String login) {
    return store.find(RegistryKind.PORTAL_ACCOUNT, login).orElseThrow(() -> new RecordNotFoundException(
        "No portal account " + login + " in the embedded register"));
  }
}
