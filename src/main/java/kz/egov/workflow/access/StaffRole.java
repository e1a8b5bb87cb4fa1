package kz.egov.workflow.access;

/**
 * The people the regulations name at a service provider (R3 items 5 and 8; the "provider employee" of
 * every diagram №2). Each provider has one group per role, named {@code <provider>-<role>}.
 */
public enum StaffRole {
  CLERK("clerk", "Кеңсе қызметкері", "Сотрудник канцелярии", "Office clerk"),
  HEAD("head", "Басшы", "Руководитель", "Head"),
  EXECUTOR("executor", "Жауапты орындаушы", "Ответственный исполнитель", "Responsible executor"),
  COMMISSION("commission", "Сараптама комиссиясы", "Экспертная комиссия", "Expert commission"),
  EMPLOYEE("employee", "Қызмет берушінің қызметкері", "Сотрудник услугодателя", "Provider employee");

  private final String code;
  private final String kk;
  private final String ru;
  private final String en;

  StaffRole(String code, String kk, String ru, String en) {
    this.code = code;
    this.kk = kk;
    this.ru = ru;
    this.en = en;
  }

  public String code() {
    return code;
  }

  public String groupId(String providerId) {
    return providerId + "-" + code;
  }

  /** A label readable in both state language and Russian, as Tasklist shows it. */
  public String label() {
    return kk + " / " + ru;
  }

  public String english() {
    return en;
  }
}
