package kz.egov.workflow.registry;

import java.util.Optional;

/**
 * Port to the e-gov portal's register of user accounts: C1 of every portal diagram ("are the registered
 * applicant's data (login IIN/BIN, password) authentic?"). The password itself never reaches us; the
 * portal checked it at P1, we ask whether the login is a registered, active account.
 */
public interface PortalAccounts {

  /**
   * The account with this login (IIN or BIN), or empty when the portal has none.
   *
   * @throws StateSystemUnavailableException when the portal gives no usable answer
   */
  Optional<PortalAccount> findAccount(String login);
}
