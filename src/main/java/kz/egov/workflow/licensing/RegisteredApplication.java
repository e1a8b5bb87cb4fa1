package kz.egov.workflow.licensing;

import java.time.OffsetDateTime;

/** An application registered in e-licensing: its number (e.g. {@code KZ-WKO-2026-000123}) and what it is for. */
public record RegisteredApplication(String applicationNumber, String provider, String applicantId, String service,
    String requestKind, String reference, OffsetDateTime registeredAt) {}
