package kz.egov.workflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The three registries behind the e-gov gateway over HTTP. Contract (see docs/state-systems.md):
 * {@code GET {base}/persons/{iin}}, {@code GET {base}/companies/{bin}},
 * {@code GET {base}/powers-of-attorney/{number}}; 200 with the record as JSON (the same fields as our REST
 * API), 404 when there is none. An answer that is not such a record counts as malformed.
 */
public class HttpRegistries implements IndividualsRegistry, LegalEntitiesRegistry, NotaryRegistry {

  private final EgovGatewayClient individuals;
  private final EgovGatewayClient legalEntities;
  private final EgovGatewayClient notary;

  public HttpRegistries(GatewayEndpoint endpoint, ObjectMapper json) {
    this.individuals = new EgovGatewayClient("individuals registry", endpoint, json);
    this.legalEntities = new EgovGatewayClient("legal-entities registry", endpoint, json);
    this.notary = new EgovGatewayClient("notary registry", endpoint, json);
  }

  @Override
  public Optional<Person> findPerson(String iin) {
    return fetch(individuals, "/persons/", iin, Person.class, Person::problems, Person::iin);
  }

  @Override
  public Optional<Company> findCompany(String bin) {
    return fetch(legalEntities, "/companies/", bin, Company.class, Company::problems, Company::bin);
  }

  @Override
  public Optional<PowerOfAttorney> findPowerOfAttorney(String number) {
    return fetch(notary, "/powers-of-attorney/", number, PowerOfAttorney.class, PowerOfAttorney::problems,
        PowerOfAttorney::number);
  }

  static <T> Optional<T> fetch(EgovGatewayClient client, String path, String key, Class<T> type,
      Function<T, List<String>> problems, Function<T, String> keyOf) {
    Optional<JsonNode> answer = client.get(path + EgovGatewayClient.segment(key));
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    if (!answer.get().isObject()) {
      throw client.malformed("expected a JSON object for " + key);
    }
    T record = client.read(answer.get(), type);
    List<String> wrong = problems.apply(record);
    if (!wrong.isEmpty()) {
      throw client.malformed(String.join("; ", wrong));
    }
    if (!key.equals(keyOf.apply(record))) {
      throw client.malformed("asked for " + key + ", answered " + keyOf.apply(record));
    }
    return Optional.of(record);
  }
}
