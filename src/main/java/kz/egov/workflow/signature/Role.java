package kz.egov.workflow.signature;

import java.util.Arrays;
import java.util.Optional;

/** Roles of a Kazakh certificate's holder, carried as extended key usage OIDs (1.2.398.3.3.4.1...). */
public enum Role {
  INDIVIDUAL("1.2.398.3.3.4.1.1", "individual"),
  LEGAL_ENTITY("1.2.398.3.3.4.1.2", "legal entity"),
  FIRST_HEAD("1.2.398.3.3.4.1.2.1", "first head of the legal entity"),
  MAY_SIGN("1.2.398.3.3.4.1.2.2", "person who may sign for the legal entity"),
  MAY_SIGN_FINANCIAL("1.2.398.3.3.4.1.2.3", "person who may sign financial documents"),
  HUMAN_RESOURCES("1.2.398.3.3.4.1.2.4", "human resources officer"),
  EMPLOYEE("1.2.398.3.3.4.1.2.5", "employee"),
  INFORMATION_SYSTEM("1.2.398.3.3.4.1.2.6", "information system of the legal entity");

  private final String oid;
  private final String description;

  Role(String oid, String description) {
    this.oid = oid;
    this.description = description;
  }

  public String oid() {
    return oid;
  }

  public String description() {
    return description;
  }

  /** Roles that may sign a request on behalf of a legal entity (regulations: "EDS of the authorised person"). */
  public boolean maySignForLegalEntity() {
    return this == FIRST_HEAD || this == MAY_SIGN;
  }

  public static Optional<Role> byOid(String oid) {
    return Arrays.stream(values()).filter(r -> r.oid.equals(oid)).findFirst();
  }
}
