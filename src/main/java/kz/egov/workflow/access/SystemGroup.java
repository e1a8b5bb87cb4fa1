package kz.egov.workflow.access;

/** Groups that are not one provider's staff: service centers, auditors and the outside systems. */
public enum SystemGroup {
  SERVICE_CENTER_OPERATOR("service-center-operator", "ХҚКО операторы / Оператор ЦОН", "WORKFLOW"),
  AUDITOR("auditor", "Аудитор / Аудитор", "WORKFLOW"),
  PORTAL("portal-system", "ЭҮП (жүйе) / ПЭП (система)", "SYSTEM"),
  SERVICE_CENTER_SYSTEM("service-center-system", "ХҚКО АЖ / ИС ЦОН", "SYSTEM"),
  PAYMENT_GATEWAY("payment-gateway", "ЭҮТШ / ПШЭП", "SYSTEM");

  private final String id;
  private final String label;
  private final String type;

  SystemGroup(String id, String label, String type) {
    this.id = id;
    this.label = label;
    this.type = type;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public String type() {
    return type;
  }
}
