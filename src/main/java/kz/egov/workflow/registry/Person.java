package kz.egov.workflow.registry;

import kz.egov.workflow.identity.IdentificationNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An individual as the individuals registry (ГБД ФЛ) answers: identity by IIN, name, birth date, address. */
public record Person(String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
    String address, Boolean deceased) {

  /** Absent means alive: a tester need not write it. */
  public Person {
    deceased = deceased != null && deceased;
  }

  /** Full name as Kazakh documents write it: surname, given name, patronymic. */
  public String fullName() {
    return String.join(" ", surname, givenName, patronymic == null ? "" : patronymic).strip();
  }

  /** Everything wrong with this record, each problem a sentence a clerk can act on. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    IdentificationNumbers.iinProblem(iin).ifPresent(p -> problems.add("iin: " + p));
    Fields.requireText(problems, "surname", surname, 100);
    Fields.requireText(problems, "givenName", givenName, 100);
    Fields.optionalText(problems, "patronymic", patronymic, 100);
    Fields.optionalText(problems, "address", address, 300);
    if (birthDate == null) {
      problems.add("birthDate: required (YYYY-MM-DD)");
    } else if (problems.stream().noneMatch(p -> p.startsWith("iin:"))
        && !IdentificationNumbers.birthDate(iin).orElseThrow().equals(birthDate)) {
      problems.add("birthDate: " + birthDate + " does not match the IIN, which encodes "
          + IdentificationNumbers.birthDate(iin).orElseThrow());
    }
    return problems;
  }
}
