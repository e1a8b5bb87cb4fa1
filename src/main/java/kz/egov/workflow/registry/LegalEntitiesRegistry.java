package kz.egov.workflow.registry;

import java.util.Optional;

/** Port to the legal-entities registry (ГБД ЮЛ), reached through the e-gov gateway (R2 №2 P4-C2 and others). */
public interface LegalEntitiesRegistry {

  /**
   * The legal entity with this BIN, or empty when the registry does not know it.
   *
   * @throws StateSystemUnavailableException when the registry gives no usable answer
   */
  Optional<Company> findCompany(String bin);
}
