package org.osecscreener.tools.secondopinion;

import org.osecscreener.model.Label;

/**
 * The scenarios of the second-opinion set, with the label each sender's transactions carry and
 * how many senders of each there are per 100,000 transactions.
 *
 * <p>A label names the <em>sender's</em> scenario: every transaction of a sender carries the same
 * label, so {@code osec} is constant per sender. Offender scenarios are {@code osec: true};
 * sextortion victims are {@code osec: false} with a name starting with {@code sextortion}; every
 * other scenario is a legitimate hard negative or background traffic, {@code osec: false}. The
 * domestic background ({@link #DOMESTIC}) is sized last, to make the total exactly the number of
 * transactions asked for, so its rate here is only indicative.
 *
 * <p>The parameters and sources of each scenario are in {@code docs/second-opinion.md}.
 */
public enum SecondOpinionScenario {
    // OSEC offenders (demand side).
    /** Customer of a facilitator ring (several payee names sharing an identifier, or one name); AIC heavy-tailed activity. */
    RING_CUSTOMER("so_ring_customer", Kind.OFFENDER, 150),
    /** Prolific high-frequency payer: A$20–80 about two a day on active days (AUSTRAC). */
    PROLIFIC_PAYER("so_prolific_payer", Kind.OFFENDER, 3),
    /** Amounts and frequency growing over time (AIC, AUSTRAC). */
    ESCALATION("so_escalation", Kind.OFFENDER, 10),
    /** One sender, several unrelated beneficiaries in high-risk countries (FINTRAC, AMLC). */
    FAN_OUT("so_fan_out", Kind.OFFENDER, 10),
    /** Under A$55 at intervals under 20 days, late evening, one unrelated payee, for months (AIC 2021). */
    LOW_AND_SLOW("so_low_and_slow", Kind.OFFENDER, 12),
    /** Round amounts with cover phrases to one unrelated payee (AUSTRAC, FATF, ACAMS). */
    COVER_STORY("so_cover_story", Kind.OFFENDER, 12),
    /** Ordinary history, then a new relationship: night hours, round amounts, quick repeats, escalation. */
    MIXED_OFFENDER("so_mixed_offender", Kind.OFFENDER, 8),
    // Victims.
    /** Sextortion victim: a short burst to a new recipient in a jurisdiction of concern, then a stop (FATF 2025, FinCEN). */
    SEXTORTION_VICTIM("sextortion_victim", Kind.VICTIM, 30),
    // Hard negatives named by the typology.
    /** Monthly or twice-monthly family support around paydays, US$100–600, 1–3 relatives. */
    FAMILY_MONTHLY("so_family_monthly", Kind.LEGITIMATE, 900),
    /** A worker sending US$20–50 weekly to a parent. */
    FAMILY_WEEKLY("so_family_weekly", Kind.LEGITIMATE, 250),
    /** A foreign spouse supporting in-laws: no shared surname. */
    INLAW_SUPPORT("so_inlaw_support", Kind.LEGITIMATE, 250),
    /** Night-shift worker sending weekly at night hours. */
    NIGHT_SHIFT_WORKER("so_night_shift_worker", Kind.LEGITIMATE, 120),
    /** Seafarer sending from ports at ship's time, odd hours, changing offsets. */
    SEAFARER("so_seafarer", Kind.LEGITIMATE, 60),
    /** School fees to a school (ORGANIZATION), plus monthly support. */
    TUITION_SCHOOL("so_tuition_school", Kind.LEGITIMATE, 100),
    /** "School fees"/"tuition" to a relative sharing the surname, larger and irregular, plus monthly support. */
    TUITION_RELATIVE("so_tuition_relative", Kind.LEGITIMATE, 100),
    /** Medical bills to a relative in short episodes, plus monthly support. */
    MEDICAL_BILLS("so_medical_bills", Kind.LEGITIMATE, 100),
    /** Monthly support plus a December burst of gifts to many relatives. */
    DECEMBER_GIFTS("so_december_gifts", Kind.LEGITIMATE, 150),
    /** Foreign buyer paying a small seller in a source country once or twice, with an order reference. */
    SHOP_BUYER("so_shop_buyer", Kind.LEGITIMATE, 2000),
    /** A business paying many contractors small sums (a fan-out that is payroll). */
    PAYROLL("so_payroll", Kind.LEGITIMATE, 4),
    /** Small donations to a charity (ORGANIZATION) from many foreign senders. */
    CHARITY_DONOR("so_charity_donor", Kind.LEGITIMATE, 800),
    // Look-alikes of this set's own choosing.
    /** Foreign client paying a freelancer small sums, repeatedly; each freelancer has several clients. */
    FREELANCE_CLIENT("so_freelance_client", Kind.LEGITIMATE, 300),
    /** Family support collected at a pick-up agent shared by hundreds of unrelated payees (a hub). */
    HUB_AGENT_FAMILY("so_hub_agent_family", Kind.LEGITIMATE, 200),
    /** Relatives abroad each supporting one sibling of a household that shares one phone. */
    SIBLINGS_SHARED_PHONE("so_siblings_shared_phone", Kind.LEGITIMATE, 150),
    /** A foreign partner starting to support a new partner in the Philippines: new relationship, round amounts, no shared surname. */
    NEW_PARTNER_SUPPORT("so_new_partner_support", Kind.LEGITIMATE, 60),
    // Background.
    /** Family and other transfers in corridors outside the typology's. */
    OTHER_CORRIDOR("so_other_corridor", Kind.LEGITIMATE, 350),
    /** Domestic payments in every country; sized last to make the total exact. */
    DOMESTIC("so_domestic", Kind.LEGITIMATE, 0);

    /** Whether a scenario's senders are offenders, victims or legitimate. */
    public enum Kind { OFFENDER, VICTIM, LEGITIMATE }

    private final String scenarioName;
    private final Kind kind;
    private final double perHundredThousand;
    private final Label label;

    SecondOpinionScenario(String scenarioName, Kind kind, double perHundredThousand) {
        this.scenarioName = scenarioName;
        this.kind = kind;
        this.perHundredThousand = perHundredThousand;
        this.label = new Label(kind == Kind.OFFENDER, scenarioName);
    }

    /** The label's scenario name, e.g. {@code so_ring_customer} or {@code sextortion_victim}. */
    public String scenarioName() {
        return scenarioName;
    }

    /** Offender, victim or legitimate. */
    public Kind kind() {
        return kind;
    }

    /** The label every transaction of this scenario's senders carries. */
    public Label label() {
        return label;
    }

    /** Senders of this scenario per 100,000 transactions asked for (0 for the domestic filler). */
    public double sendersPerHundredThousand() {
        return perHundredThousand;
    }

    /** How many senders of this scenario a run of {@code transactions} has (before the domestic filler). */
    public int senders(long transactions) {
        return (int) Math.round(perHundredThousand * transactions / 100_000.0);
    }
}
