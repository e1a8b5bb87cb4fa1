package kz.egov.workflow.payment;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of licensing request the regulations distinguish (R2: issuance, re-issuance, duplicate; R5: the first two). */
public enum RequestKind {
  ISSUANCE("issuance"),
  REISSUANCE("re-issuance"),
  DUPLICATE("duplicate");

  private final String code;

  RequestKind(String code) {
    this.code = code;
  }

  /** As process variables and the REST API write it. */
  public String code() {
    return code;
  }

  public static Optional<RequestKind> ofCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equalsIgnoreCase(code) || k.name().equalsIgnoreCase(code))
        .findFirst();
  }
}
