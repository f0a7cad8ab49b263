package org.osecscreener.tools.synth;

import java.util.List;

/**
 * Scenario names: the {@code label.scenario} of every generated transaction. Legitimate
 * scenarios are the typologies' hard negatives; OSEC scenarios are the published payment
 * patterns; victim scenarios (names starting with {@code sextortion}, labelled {@code osec:
 * false}) are customers who are themselves victims (see {@code docs/generator.md}).
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
    /** Small online sellers in the Philippines paid once or twice by many foreign buyers. */
    public static final String ONLINE_SHOP = "online_shop";
    /** Night-shift and seafaring workers supporting family at night hours. */
    public static final String NIGHT_SHIFT = "night_shift";

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
    /** Customers of a facilitator ring who pay only a few times in all. */
    public static final String RING_CUSTOMER = "ring_customer";
    /** Small sums at intervals under 20 days, late in the evening, to one payee, for months. */
    public static final String LOW_AND_SLOW = "low_and_slow";
    /** Round amounts with cover phrases ("school fees", "medical bills") to one unrelated person. */
    public static final String COVER_STORY = "cover_story";

    /**
     * A sextortion victim: ordinary domestic transfers (labelled {@link #DOMESTIC}) and, once, a
     * short burst of payments to a new recipient abroad (labelled with this name, {@code osec:
     * false}).
     */
    public static final String SEXTORTION_VICTIM = "sextortion_victim";

    /** The prefix of every victim scenario's name (what the backtest reads as "victim"). */
    public static final String VICTIM_PREFIX = "sextortion";

    /** Every legitimate scenario. */
    public static final List<String> LEGITIMATE = List.of(FAMILY_SUPPORT, WEEKLY_SUPPORT, DECEMBER_GIFTS,
            TUITION_MEDICAL, BUSINESS_PAYROLL, CHARITY_DONATION, DOMESTIC, OTHER_CORRIDOR, ONLINE_SHOP, NIGHT_SHIFT);
    /** Every OSEC scenario. */
    public static final List<String> OSEC = List.of(SMALL_FREQUENT, FACILITATOR_RING, FAN_OUT, ESCALATION, LATE_NIGHT,
            RING_CUSTOMER, LOW_AND_SLOW, COVER_STORY);
    /** Every victim scenario (labelled {@code osec: false}; names start with {@link #VICTIM_PREFIX}). */
    public static final List<String> VICTIMS = List.of(SEXTORTION_VICTIM);

    private Scenarios() {
    }
}
