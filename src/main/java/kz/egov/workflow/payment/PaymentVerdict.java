package kz.egov.workflow.payment;

import java.math.BigDecimal;

/**
 * The answer to C2 "has the service been paid for?" (R2/R5 №1): paid in full or not, with the amounts
 * and a reason the refusal message (P5) can show.
 */
public record PaymentVerdict(boolean complete, BigDecimal dueKzt, BigDecimal paidKzt, BigDecimal shortfallKzt,
    int mciYear, String reason) {}
