package kz.egov.workflow.registry;

import kz.egov.workflow.identity.IdentificationNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A legal entity as the legal-entities registry (ГБД ЮЛ) answers. */
public record Company(String bin, String name, String legalForm, LocalDate registeredOn, String headIin,
    String address, Boolean active) {

  /** Absent means active: a tester need not write it. */
  public Company {
    active = active == null || active;
  }

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    IdentificationNumbers.binProblem(bin).ifPresent(p -> problems.add("bin: " + p));
    Fields.requireText(problems, "name", name, 300);
    Fields.requireText(problems, "legalForm", legalForm, 50);
    Fields.optionalText(problems, "address", address, 300);
    if (headIin != null && !headIin.isBlank()) {
      IdentificationNumbers.iinProblem(headIin).ifPresent(p -> problems.add("headIin: " + p));
    }
    if (registeredOn == null) {
      problems.add("registeredOn: required (YYYY-MM-DD)");
    } else if (problems.stream().noneMatch(p -> p.startsWith("bin:"))) {
      String yymm = String.format("%02d%02d", registeredOn.getYear() % 100, registeredOn.getMonthValue());
      if (!bin.startsWith(yymm)) {
        problems.add("registeredOn: " + registeredOn + " does not match the BIN, which starts with the year and "
            + "month of registration (" + bin.substring(0, 4) + ")");
      }
    }
    return problems;
  }
}
