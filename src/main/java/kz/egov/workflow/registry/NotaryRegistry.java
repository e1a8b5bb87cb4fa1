package kz.egov.workflow.registry;

import java.util.Optional;

/** Port to the notary registry (ЕНИС): notarised powers of attorney (R2 №2 C2, R4 №2, R5 №3). */
public interface NotaryRegistry {

  /**
   * The power of attorney with this registration number, or empty when the registry has none.
   *
   * @throws StateSystemUnavailableException when the registry gives no usable answer
   */
  Optional<PowerOfAttorney> findPowerOfAttorney(String number);
}
