package kz.egov.workflow.licensing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.egov.workflow.application.InvalidRequestException;
import kz.egov.workflow.registry.EgovGatewayClient;
import kz.egov.workflow.registry.GatewayEndpoint;

/**
 * The real e-licensing register over HTTP. Contract (docs/state-systems.md): {@code POST {base}/applications}
 * (an {@link ApplicationRegistration}; answers the {@link RegisteredApplication}, idempotent by reference),
 * {@code GET {base}/applications/{number}}, {@code GET {base}/licences/{number}},
 * {@code GET {base}/licences?holder=...}, {@code POST {base}/licences}, {@code POST {base}/licences/{number}/revocation}.
 */
public class HttpLicensingRegister implements LicensingRegister {

  private final EgovGatewayClient client;

  public HttpLicensingRegister(GatewayEndpoint endpoint, ObjectMapper json) {
    this.client = new EgovGatewayClient("e-licensing register", endpoint, json);
  }

  @Override
  public RegisteredApplication register(ApplicationRegistration registration) {
    List<String> problems = registration.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return application(client.post("/applications", registration));
  }

  @Override
  public Optional<RegisteredApplication> application(String applicationNumber) {
    return client.get("/applications/" + EgovGatewayClient.segment(applicationNumber)).map(this::application);
  }

  @Override
  public Optional<Licence> licence(String number) {
    return client.get("/licences/" + EgovGatewayClient.segment(number)).map(this::licence);
  }

  @Override
  public List<Licence> licencesOf(String holderId) {
    JsonNode answer = client.get("/licences?holder=" + EgovGatewayClient.segment(holderId))
        .orElseThrow(() -> client.malformed("404 for a licence search: wrong base URL?"));
    if (!answer.isArray()) {
      throw client.malformed("expected a JSON array of licences");
    }
    List<Licence> licences = new ArrayList<>();
    answer.forEach(node -> licences.add(licence(node)));
    return licences;
  }

  @Override
  public Licence issue(LicenceIssue issue) {
    List<String> problems = issue.problems();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return licence(client.post("/licences", issue));
  }

  @Override
  public Licence revoke(String number, LocalDate on) {
    return licence(client.post("/licences/" + EgovGatewayClient.segment(number) + "/revocation",
        Map.of("on", on.toString())));
  }

  private RegisteredApplication application(JsonNode node) {
    RegisteredApplication application = client.read(node, RegisteredApplication.class);
    if (application.applicationNumber() == null || application.applicationNumber().isBlank()) {
      throw client.malformed("no applicationNumber in the answer");
    }
    return application;
  }

  private Licence licence(JsonNode node) {
    Licence licence = client.read(node, Licence.class);
    if (licence.number() == null || licence.number().isBlank() || licence.status() == null
        || licence.holderId() == null || licence.issuedOn() == null) {
      throw client.malformed("a licence needs number, holderId, status and issuedOn");
    }
    return licence;
  }
}
