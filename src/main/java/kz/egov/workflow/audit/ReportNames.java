package kz.egov.workflow.audit;

import kz.egov.workflow.access.AccessProperties;
import kz.egov.workflow.application.ServiceCatalog;
import org.springframework.stereotype.Component;

/** The names auditors read: a service's from the catalog (egov.applications.services), a provider's from egov.access. */
@Component
public class ReportNames {

  private final ServiceCatalog catalog;
  private final AccessProperties access;

  public ReportNames(ServiceCatalog catalog, AccessProperties access) {
    this.catalog = catalog;
    this.access = access;
  }

  /** The service's name when {@code service} is given, else the provider's; null when none is configured. */
  AuditSummary.Names of(String service, String provider) {
    if (service != null) {
      return catalog.service(service).map(s -> new AuditSummary.Names(s.name().kk(), s.name().ru(), s.name().en()))
          .orElse(null);
    }
    return access.providers().stream().filter(p -> p.id().equals(provider)).findFirst()
        .map(p -> new AuditSummary.Names(p.nameKk(), p.nameRu(), p.name())).orElse(null);
  }
}
