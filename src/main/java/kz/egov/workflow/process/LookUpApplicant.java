package kz.egov.workflow.process;

import kz.egov.workflow.identity.IdentificationNumbers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import kz.egov.workflow.registry.Company;
import kz.egov.workflow.registry.IndividualsRegistry;
import kz.egov.workflow.registry.LegalEntitiesRegistry;
import kz.egov.workflow.registry.Person;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * P4/C2 of the provider diagrams (R1, R2, R5 №2; R4 tables 3-4; R5 №3 P3/C1): asks the individuals registry
 * (IIN) or the legal-entities registry (BIN) for the applicant. Input {@code applicantId}. Sets
 * {@code applicantFound}, and {@code applicant} (JSON) and {@code applicantName} when found, or
 * {@code applicantLookUpReason} when not. A registry that does not answer makes the step fail (retry, incident).
 */
@Component("lookUpApplicant")
public class LookUpApplicant implements JavaDelegate {

  private final IndividualsRegistry individuals;
  private final LegalEntitiesRegistry legalEntities;
  private final ObjectMapper json;

  public LookUpApplicant(IndividualsRegistry individuals, LegalEntitiesRegistry legalEntities, ObjectMapper json) {
    this.individuals = individuals;
    this.legalEntities = legalEntities;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String id = StepInputs.required(execution, "applicantId");
    Optional<String> wrong = IdentificationNumbers.iinOrBinProblem(id);
    if (wrong.isPresent()) {
      notFound(execution, wrong.get());
      return;
    }
    if (IdentificationNumbers.looksLikeBin(id)) {
      Optional<Company> company = legalEntities.findCompany(id);
      if (company.isEmpty()) {
        notFound(execution, "BIN " + id + " is not in the legal-entities registry");
      } else if (!company.get().active()) {
        notFound(execution, "BIN " + id + " (" + company.get().name() + ") is not active in the legal-entities registry");
      } else {
        found(execution, company.get().name(), json.writeValueAsString(company.get()));
      }
    } else {
      Optional<Person> person = individuals.findPerson(id);
      if (person.isEmpty()) {
        notFound(execution, "IIN " + id + " is not in the individuals registry");
      } else if (person.get().deceased()) {
        notFound(execution, "IIN " + id + " is registered as deceased in the individuals registry");
      } else {
        found(execution, person.get().fullName(), json.writeValueAsString(person.get()));
      }
    }
  }

  private static void found(DelegateExecution execution, String name, String data) {
    execution.setVariable("applicantFound", true);
    execution.setVariable("applicantName", name);
    execution.setVariable("applicant", SpinValues.jsonValue(data).create());
    execution.removeVariable("applicantLookUpReason");
  }

  private static void notFound(DelegateExecution execution, String reason) {
    execution.setVariable("applicantFound", false);
    execution.setVariable("applicantLookUpReason", reason);
  }
}
