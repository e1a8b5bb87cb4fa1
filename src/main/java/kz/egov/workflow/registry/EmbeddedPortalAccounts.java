package kz.egov.workflow.registry;

import java.util.Optional;

/** The portal's accounts answered from this application's own table (the default; see {@link RegistryStore}). */
public class EmbeddedPortalAccounts implements PortalAccounts {

  private final RegistryStore store;

  public EmbeddedPortalAccounts(RegistryStore store) {
    this.store = store;
  }

  @Override
  public Optional<PortalAccount> findAccount(String login) {
    return store.find(RegistryKind.PORTAL_ACCOUNT, login);
  }
}
