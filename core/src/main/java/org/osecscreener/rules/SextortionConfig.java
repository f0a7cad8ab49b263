package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code sextortion} section: the victim side (FATF 2025; FinCEN FIN-2025-NTC2). A customer
 * makes a burst of person-to-person payments, within hours or days, to a new recipient in a
 * jurisdiction of concern that the customer has no visible link to (never paid before, no shared
 * surname or address), first payments often under 250 EUR and rarely above about 1,500 EUR; then
 * the payments stop.
 *
 * <p>Here the customer may be the VICTIM, often a teenager. The alert this section raises is its
 * own type ({@code sextortion_victim}), with its own queue item and its own report key terms; it
 * never adds to, or takes from, the OSEC score of any transaction, and a sender showing the
 * pattern is never alerted as an offender through a payee cluster's alert.
 *
 * @param enabled        whether the victim-side rule runs; default {@code true}
 * @param jurisdictions  recipient countries of concern (ISO 3166-1 alpha-2), at least one when enabled
 * @param windowHours    the burst window, hours, 1..720: payments to the recipient all within this
 *                       many hours of the first; default 72
 * @param minPayments    payments in the burst for REVIEW, 2..32; default 2
 * @param alertPayments  payments in the burst for ALERT, {@code >= minPayments}, at most 32; default 3
 * @param maxAmount      largest base-currency amount of a payment in the burst, {@code > 0}; default 1650
 * @param excludeLists   names of {@code keywords} lists whose words in the payment reference mark a
 *                       purchase or a bill, not a demand (for example order numbers); default none
 * @param requireNewCountry whether the first payment to the recipient must also have been the
 *                       customer's first payment to its country (no "discernable personal connection
 *                       to that geographic area", FinCEN); default {@code true}
 */
public record SextortionConfig(boolean enabled, List<String> jurisdictions, int windowHours, int minPayments,
                               int alertPayments, double maxAmount, List<String> excludeLists,
                               boolean requireNewCountry) {
    /** The alert type and rule id of the victim-side hit. */
    public static final String TYPE = "sextortion_victim";
    /** Default of {@code windowHours}. */
    public static final int DEFAULT_WINDOW_HOURS = 72;
    /** Default of {@code minPayments}. */
    public static final int DEFAULT_MIN_PAYMENTS = 2;
    /** Default of {@code alertPayments}. */
    public static final int DEFAULT_ALERT_PAYMENTS = 3;
    /** Default of {@code maxAmount}. */
    public static final double DEFAULT_MAX_AMOUNT = 1650;
    /** Longest accepted burst window, in hours (30 days). */
    public static final int MAX_WINDOW_HOURS = 720;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public SextortionConfig {
        jurisdictions = Check.list("sextortion.jurisdictions", jurisdictions);
        for (String c : jurisdictions) {
            Names.country("sextortion.jurisdictions", c);
        }
        if (enabled && jurisdictions.isEmpty()) {
            throw new IllegalArgumentException("sextortion.jurisdictions must name at least one country when enabled");
        }
        Check.range("sextortion.windowHours", windowHours, 1, MAX_WINDOW_HOURS);
        Check.range("sextortion.minPayments", minPayments, 2, org.osecscreener.profile.PairProfile.RECENT);
        Check.range("sextortion.alertPayments", alertPayments, 2, org.osecscreener.profile.PairProfile.RECENT);
        Check.atLeast("sextortion.alertPayments", alertPayments, "minPayments", minPayments);
        Check.positive("sextortion.maxAmount", maxAmount);
        excludeLists = Check.list("sextortion.excludeLists", excludeLists);
    }

    @JsonCreator
    static SextortionConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                     @JsonProperty("jurisdictions") List<String> jurisdictions,
                                     @JsonProperty("windowHours") Integer windowHours,
                                     @JsonProperty("minPayments") Integer minPayments,
                                     @JsonProperty("alertPayments") Integer alertPayments,
                                     @JsonProperty("maxAmount") Double maxAmount,
                                     @JsonProperty("excludeLists") List<String> excludeLists,
                                     @JsonProperty("requireNewCountry") Boolean requireNewCountry) {
        return new SextortionConfig(enabled == null || enabled, jurisdictions,
                windowHours == null ? DEFAULT_WINDOW_HOURS : windowHours,
                minPayments == null ? DEFAULT_MIN_PAYMENTS : minPayments,
                alertPayments == null ? DEFAULT_ALERT_PAYMENTS : alertPayments,
                maxAmount == null ? DEFAULT_MAX_AMOUNT : maxAmount,
                excludeLists, requireNewCountry == null || requireNewCountry);
    }

    /** Days of history the rule needs (its window, rounded up). */
    public int stateDays() {
        return enabled ? (windowHours + 23) / 24 : 0;
    }
}
