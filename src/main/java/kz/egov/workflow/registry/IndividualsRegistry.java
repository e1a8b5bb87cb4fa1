package kz.egov.workflow.registry;

import java.util.Optional;

/** Port to the individuals registry (ГБД ФЛ), reached through the e-gov gateway (R1/R2/R5 №2 P4-C2, R4 tables). */
public interface IndividualsRegistry {

  /**
   * The person with this IIN, or empty when the registry does not know it.
   *
   * @throws StateSystemUnavailableException when the registry gives no usable answer
   */
  Optional<Person> findPerson(String iin);
}
