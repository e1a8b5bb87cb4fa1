package kz.egov.workflow.registry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kz.egov.workflow.identity.IdentificationNumbers;

/**
 * A user account of the e-gov portal, as the applicant registers it with the EDS certificate (R2 item 6
 * (pre); P1/C1 of every portal diagram). The login is the IIN of a person or the BIN of a legal entity;
 * a person who signs in for a legal entity (the head, or an employee with a legal entity's certificate)
 * has that entity's BIN in {@code actsForBin}.
 */
public record PortalAccount(String login, String displayName, String actsForBin, OffsetDateTime registeredAt,
    PortalAccountStatus status, String blockedReason) {

  /** Kazakhstan time (UTC+5 since 1 March 2024), in which registration times are shown. */
  static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

  /** Absent status means active, absent registration time means now: a tester need not write them. */
  public PortalAccount {
    status = status == null ? PortalAccountStatus.ACTIVE : status;
    registeredAt = registeredAt == null ? OffsetDateTime.now(KAZAKHSTAN) : registeredAt;
    actsForBin = actsForBin == null || actsForBin.isBlank() ? null : actsForBin.strip();
    blockedReason = blockedReason == null || blockedReason.isBlank() ? null : blockedReason.strip();
  }

  public boolean active() {
    return status == PortalAccountStatus.ACTIVE;
  }

  /** May this account file for the applicant {@code bin}: the legal entity's own account, or one acting for it. */
  public boolean actsFor(String bin) {
    return bin != null && (bin.equals(login) || bin.equals(actsForBin));
  }

  public PortalAccount blocked(String reason) {
    return new PortalAccount(login, displayName, actsForBin, registeredAt, PortalAccountStatus.BLOCKED, reason);
  }

  public PortalAccount unblocked() {
    return new PortalAccount(login, displayName, actsForBin, registeredAt, PortalAccountStatus.ACTIVE, null);
  }

  /** Everything wrong with this record, each problem a sentence a clerk can act on. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    IdentificationNumbers.iinOrBinProblem(login).ifPresent(p -> problems.add("login: " + p));
    Fields.requireText(problems, "displayName", displayName, 300);
    if (actsForBin != null) {
      IdentificationNumbers.binProblem(actsForBin).ifPresent(p -> problems.add("actsForBin: " + p));
      if (IdentificationNumbers.looksLikeBin(login) && !actsForBin.equals(login)) {
        problems.add("actsForBin: the account of the legal entity " + login + " acts for itself, not for "
            + actsForBin);
      }
    }
    if (status == PortalAccountStatus.BLOCKED && blockedReason == null) {
      problems.add("blockedReason: required for a blocked account (the applicant is told why)");
    } else if (status == PortalAccountStatus.ACTIVE && blockedReason != null) {
      problems.add("blockedReason: only a blocked account has one");
    }
    Fields.optionalText(problems, "blockedReason", blockedReason, 500);
    if (registeredAt.isAfter(OffsetDateTime.now().plusMinutes(5))) {
      problems.add("registeredAt: " + registeredAt + " is in the future");
    }
    return problems;
  }
}
