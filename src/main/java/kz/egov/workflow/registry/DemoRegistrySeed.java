package kz.egov.workflow.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: people, companies, notarised powers of attorney and portal accounts from
 * {@code registry-demo/*.csv}, so that a tester can run a look-up or a portal sign-in (C1) at
 * once. Adds only the records that are missing; never changes others.
 */
@Component
@Profile("demo")
@Order(10)
class DemoRegistrySeed implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoRegistrySeed.class);

  private final RegistryStore store;

  DemoRegistrySeed(RegistryStore store) {
    this.store = store;
  }

  @Override
  public void run(ApplicationArguments args) {
    int added = store.insertMissing(RegistryKind.PERSON, read("persons.csv"))
        + store.insertMissing(RegistryKind.COMPANY, read("companies.csv"))
        + store.insertMissing(RegistryKind.POWER_OF_ATTORNEY, read("powers-of-attorney.csv"))
        + store.insertMissing(RegistryKind.PORTAL_ACCOUNT, read("portal-accounts.csv"));
    if (added > 0) {
      log.info("Demo mode: {} demo records added to the embedded registries and portal accounts", added);
    }
  }

  private static String read(String file) {
    try {
      return new ClassPathResource("registry-demo/" + file).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
