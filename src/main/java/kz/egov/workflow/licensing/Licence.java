package kz.egov.workflow.licensing;

import java.time.LocalDate;

/**
 * A licence or permit as the e-licensing register keeps it (R5 appendix 3, "State licence"): number,
 * holder (IIN/BIN and name), kind of activity, licensor, status and dates; a re-issued licence is a new
 * version that names the previous number.
 */
public record Licence(String number, String holderId, String holderName, String activity, String provider,
    LicenceStatus status, LocalDate issuedOn, LocalDate statusChangedOn, int version, String previousNumber,
    String applicationNumber) {}
