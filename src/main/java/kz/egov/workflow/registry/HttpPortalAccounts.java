package kz.egov.workflow.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * The e-gov portal's register of accounts over HTTP. Contract (see docs/state-systems.md):
 * {@code GET {base}/portal-accounts/{login}}: 200 with the account as JSON (the same fields as our REST API),
 * 404 when there is none. An answer that is not such an account (bad check digit, another login) is malformed.
 */
public class HttpPortalAccounts implements PortalAccounts {

  private final EgovGatewayClient portal;

  public HttpPortalAccounts(GatewayEndpoint endpoint, ObjectMapper json) {
    this.portal = new EgovGatewayClient("e-gov portal", endpoint, json);
  }

  @Override
  public Optional<PortalAccount> findAccount(String login) {
    return HttpRegistries.fetch(portal, "/portal-accounts/", login, PortalAccount.class, PortalAccount::problems,
        PortalAccount::login);
  }
}
