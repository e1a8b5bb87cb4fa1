package kz.egov.workflow.registry;

import java.util.Optional;

/** The three registries answered from this application's own tables (the default; see {@link RegistryStore}). */
public class EmbeddedRegistries implements IndividualsRegistry, LegalEntitiesRegistry, NotaryRegistry {

  private final RegistryStore store;

  public EmbeddedRegistries(RegistryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Person> findPerson(String iin) {
    return store.find(RegistryKind.PERSON, iin);
  }

  @Override
  public Optional<Company> findCompany(String bin) {
    return store.find(RegistryKind.COMPANY, bin);
  }

  @Override
  public Optional<PowerOfAttorney> findPowerOfAttorney(String number) {
    return store.find(RegistryKind.POWER_OF_ATTORNEY, number);
  }
}
