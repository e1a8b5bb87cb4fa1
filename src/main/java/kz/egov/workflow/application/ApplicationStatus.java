package kz.egov.workflow.application;

/**
 * What the portal's "history of services" shows (SPEC, "status tracking"): submitted until e-licensing
 * registers the application (P9 portal / P7 provider), in progress after, then the result or the refusal.
 * An instance that ended without an outcome (deleted by an administrator) is cancelled.
 */
public enum ApplicationStatus {
  SUBMITTED("submitted", "Жіберілді", "Отправлено", "Submitted"),
  IN_PROGRESS("in-progress", "Орындалуда", "В работе", "In progress"),
  REFUSED("refused", "Бас тартылды", "Отказано", "Refused"),
  ISSUED("issued", "Нәтиже берілді", "Результат выдан", "Result issued"),
  CANCELLED("cancelled", "Тоқтатылды", "Прекращено", "Cancelled");

  private final String code;
  private final ApplicationProperties.Names text;

  ApplicationStatus(String code, String kk, String ru, String en) {
    this.code = code;
    this.text = new ApplicationProperties.Names(kk, ru, en);
  }

  public String code() {
    return code;
  }

  public ApplicationProperties.Names text() {
    return text;
  }
}
