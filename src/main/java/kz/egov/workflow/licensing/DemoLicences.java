package kz.egov.workflow.licensing;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a few licences of the demo companies in the embedded register (an active one, a re-issued
 * one with its new version, a revoked one), entered once when the register is empty.
 */
@Component
@Profile("demo")
@Order(20)
class DemoLicences implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoLicences.class);
  private static final String SCRAP = "Сбор (заготовка), хранение, переработка и реализация лома и отходов цветных"
      + " и черных металлов";
  private static final String ARCHAEOLOGY = "Осуществление археологических и (или) научно-реставрационных работ"
      + " на памятниках истории и культуры";

  private final ObjectProvider<EmbeddedLicensingRegister> register;

  DemoLicences(ObjectProvider<EmbeddedLicensingRegister> register) {
    this.register = register;
  }

  @Override
  public void run(ApplicationArguments args) {
    EmbeddedLicensingRegister embedded = register.getIfAvailable();
    if (embedded == null || embedded.count() > 0) {
      return;
    }
    embedded.issue(new LicenceIssue("110840001237", "ТОО \"Орал Темір\"", SCRAP, "wko", LocalDate.of(2025, 4, 10),
        null, null));
    Licence first = embedded.issue(new LicenceIssue("040540000123", "ТОО \"Батыс Металл\"", SCRAP, "wko",
        LocalDate.of(2025, 2, 3), null, null));
    embedded.issue(new LicenceIssue("040540000123", "ТОО \"Батыс Металл Трейд\"", SCRAP, "wko",
        LocalDate.of(2025, 9, 15), first.number(), null));
    Licence archaeology = embedded.issue(new LicenceIssue("150740004562",
        "ТОО \"Археологиялық зерттеулер орталығы\"", ARCHAEOLOGY, "committee", LocalDate.of(2025, 5, 20), null, null));
    embedded.revoke(archaeology.number(), LocalDate.of(2026, 2, 2));
    log.info("Demo mode: 4 demo licences entered in the embedded e-licensing register");
  }
}
