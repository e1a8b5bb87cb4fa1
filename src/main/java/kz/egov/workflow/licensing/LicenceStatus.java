package kz.egov.workflow.licensing;

/** A licence or permit in the register: in force, replaced by a re-issued one, or revoked. */
public enum LicenceStatus {
  ACTIVE,
  REISSUED,
  REVOKED
}
