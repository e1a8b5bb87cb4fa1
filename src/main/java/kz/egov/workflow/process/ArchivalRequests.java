package kz.egov.workflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.egov.workflow.identity.IdentificationNumbers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

import static org.camunda.spin.Spin.JSON;

/**
 * {@code ${archivalRequests}}: the R4 forms' rules that Camunda Forms cannot express, checked again on completion
 * (400 through {@code /engine-rest}, the task stays open), and their fields kept in {@code formData}.
 * <ul>
 *   <li>{@code checkRequest(task)}: P3 "fill the request" (R4 items 6.5, 7.4): the applicant's IIN with its check
 *       digit, a kind of archival certificate, what is asked, an e-mail address when the result is to be e-mailed,
 *       a representative's IIN and power of attorney together; sets {@code applicantId}, {@code applicantName},
 *       {@code byRepresentative};</li>
 *   <li>{@code collectResult(task)}: P6 "process the request" (R4 items 6.9-6.10): an archival certificate
 *       states the information it confirms; the archive's references (fund, inventory, file, sheets) go into
 *       {@code formData.archivalReferences} for the document.</li>
 * </ul>
 */
@Component("archivalRequests")
public class ArchivalRequests {

  /** R4: the kinds of archival certificate (docs/documents.md prints each in Kazakh and Russian). */
  public static final Set<String> KINDS = Set.of("work-experience", "salary", "education", "land-allocation",
      "awards", "property", "civil-status", "other");
  static final Set<String> DELIVERIES = Set.of("in-person", "email");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  static final int MIN_TEXT = 10;

  public void checkRequest(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    String applicantId = text(task, "applicantId");
    if (applicantId == null) {
      problems.add("applicantId: the applicant's IIN is required (ЖСН / ИИН)");
    } else {
      IdentificationNumbers.iinProblem(applicantId).ifPresent(p -> problems.add("applicantId: " + p + " (ЖСН / ИИН)"));
    }
    if (text(task, "applicantName") == null) {
      problems.add("applicantName: the applicant's surname, name, patronymic are required (Т.А.Ә. / Ф.И.О.)");
    }
    String kind = text(task, "archivalCertificateKind");
    if (kind == null || !KINDS.contains(kind)) {
      problems.add("archivalCertificateKind: one of " + String.join(", ", KINDS.stream().sorted().toList())
          + " (анықтаманың түрі / вид справки)");
    }
    String asked = text(task, "requestedInformation");
    if (asked == null || asked.length() < MIN_TEXT) {
      problems.add("requestedInformation: what the archive is to confirm, at least " + MIN_TEXT
          + " characters (сұралатын мәліметтер / запрашиваемые сведения)");
    }
    String delivery = Optional.ofNullable(text(task, "delivery")).orElse("in-person");
    if (!DELIVERIES.contains(delivery)) {
      problems.add("delivery: in-person or email (нәтижені алу тәсілі / способ получения)");
    }
    String email = text(task, "email");
    if ("email".equals(delivery) && email == null) {
      problems.add("email: required when the result is sent by e-mail (электрондық пошта / электронная почта)");
    } else if (email != null && !EMAIL.matcher(email).matches()) {
      problems.add("email: '" + email + "' is not an e-mail address");
    }
    String representative = text(task, "representativeIin");
    String powerOfAttorney = text(task, "powerOfAttorneyNumber");
    if (representative != null) {
      IdentificationNumbers.iinProblem(representative).ifPresent(p -> problems.add("representativeIin: " + p));
      if (powerOfAttorney == null) {
        problems.add("powerOfAttorneyNumber: a representative acts under a power of attorney (сенімхат / доверенность)");
      }
    } else if (powerOfAttorney != null) {
      problems.add("representativeIin: the representative's IIN goes with the power of attorney");
    }
    if (!problems.isEmpty()) {
      throw new FormFieldValidationException(problems.get(0).substring(0, problems.get(0).indexOf(':')),
          String.join("; ", problems));
    }
    task.setVariable("delivery", delivery);
    task.setVariable("byRepresentative", representative != null);
  }

  public void collectResult(DelegateTask task) {
    if (!"issue".equals(task.getVariable("decision"))) {
      return;
    }
    String confirmed = text(task, "confirmedInformation");
    if (confirmed == null || confirmed.length() < MIN_TEXT) {
      throw new FormFieldValidationException("confirmedInformation", "confirmedInformation: an archival certificate states the information"
          + " it confirms, at least " + MIN_TEXT + " characters (расталатын мәліметтер / подтверждаемые сведения)");
    }
    Object existing = task.getVariable("formData");
    SpinJsonNode form = existing instanceof SpinJsonNode json && json.isObject() ? JSON(json.toString()) : JSON("{}");
    form.prop("confirmedInformation", confirmed);
    String archive = text(task, "archive");
    if (archive != null) {
      form.prop("archive", archive);
    }
    String fund = text(task, "referenceFund");
    if (fund != null) {
      SpinJsonNode reference = JSON("{}");
      reference.prop("fund", fund);
      for (String part : List.of("inventory", "file", "sheets")) {
        String value = text(task, "reference" + Character.toUpperCase(part.charAt(0)) + part.substring(1));
        if (value != null) {
          reference.prop(part, value);
        }
      }
      SpinJsonNode references = JSON("[]");
      references.append(reference);
      form.prop("archivalReferences", references);
    }
    task.setVariable("formData", form);
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      Object form = task.getVariable("formData");
      if (form instanceof SpinJsonNode json && json.isObject() && json.hasProp(name) && json.prop(name).isString()) {
        value = json.prop(name).stringValue();
      }
    }
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
