package org.osecscreener.synth;

import java.util.List;

/**
 * Scenario names: the {@code label.scenario} of every generated transaction. Legitimate
 * scenarios are the typologies' hard negatives; OSEC scenarios are the published payment
 * patterns (see {@code docs/generator.md}).
 */
public final class Scenarios {
    /** Monthly or twice-monthly family support around paydays. */
    public static final String FAMILY_SUPPORT = "family_support";
    /** Small weekly support to a parent. */
    public static final String WEEKLY_SUPPORT = "weekly_support";
    /** Family support plus a December burst of gifts to many relatives. */
    public static final String DECEMBER_GIFTS = "december_gifts";
    /** Tuition and medical bills, with cover-like references. */
    public static final String TUITION_MEDICAL = "tuition_medical";
    /** A business paying many contractors. */
    public static final String BUSINESS_PAYROLL = "business_payroll";
    /** Small donations from many foreign senders to a charity. */
    public static final String CHARITY_DONATION = "charity_donation";
    /** Transfers inside one country. */
    public static final String DOMESTIC = "domestic";
    /** Family support in corridors unrelated to the Philippines. */
    public static final String OTHER_CORRIDOR = "other_corridor";

    /** Small frequent payments to one facilitator. */
    public static final String SMALL_FREQUENT = "small_frequent";
    /** Payments spread over a ring of payees sharing phones, wallets or addresses. */
    public static final String FACILITATOR_RING = "facilitator_ring";
    /** One offender paying several unrelated facilitators. */
    public static final String FAN_OUT = "fan_out";
    /** Amounts and frequency growing over time. */
    public static final String ESCALATION = "escalation";
    /** Payments mostly late at night in the offender's local time. */
    public static final String LATE_NIGHT = "late_night";

    /** Every legitimate scenario. */
    public static final List<String> LEGITIMATE = List.of(FAMILY_SUPPORT, WEEKLY_SUPPORT, DECEMBER_GIFTS,
            TUITION_MEDICAL, BUSINESS_PAYROLL, CHARITY_DONATION, DOMESTIC, OTHER_CORRIDOR);
    /** Every OSEC scenario. */
    public static final List<String> OSEC = List.of(SMALL_FREQUENT, FACILITATOR_RING, FAN_OUT, ESCALATION, LATE_NIGHT);

    private Scenarios() {
    }
}
