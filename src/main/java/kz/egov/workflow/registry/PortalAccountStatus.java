package kz.egov.workflow.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Whether a portal account may sign in: a blocked one is refused at C1 whatever its password. */
public enum PortalAccountStatus {
  ACTIVE,
  BLOCKED;

  /** {@code active} or {@code ACTIVE}, as a tester writes it. */
  @JsonCreator
  public static PortalAccountStatus of(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("status: '" + text + "' is not ACTIVE or BLOCKED");
    }
  }
}
