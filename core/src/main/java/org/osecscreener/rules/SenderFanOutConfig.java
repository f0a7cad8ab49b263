package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code sender_fan_out} (typology indicator 3): one sender pays several unrelated payee
 * clusters in source-side countries within a window.
 *
 * @param enabled            whether the detector runs; default {@code true}
 * @param weight             weight in (0, 1]; required
 * @param windowDays         the look-back window in days, 1..366; default 30
 * @param minClusters        distinct payee clusters in the window before the detector fires, 1..64 (the clusters a sender profile keeps); default 3
 * @param saturationClusters clusters at which the sub-score reaches 1, {@code >= minClusters}; default 8
 * @param familyMitigation   share in [0, 1] by which the sub-score is reduced when the payees look
 *                           like one family (shared surname or address); default 0.8
 * @param applyToBusiness    whether business senders (payroll to many contractors) are screened;
 *                           default {@code false}
 * @param unrelatedOnly      whether only clusters that the sender paid more than once in the window and
 *                           whose payee shares no family name or address with the sender or another payee
 *                           count ("multiple non-familial counterparties", FINTRAC, in a continuing
 *                           relationship): a family's December gifts to many relatives, one each, then never
 *                           reach {@code minClusters}; the family mitigation is not applied on top; default {@code false}
 */
public record SenderFanOutConfig(boolean enabled, double weight, int windowDays, int minClusters,
                                 int saturationClusters, double familyMitigation, boolean applyToBusiness,
                                 boolean unrelatedOnly)
        implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "sender_fan_out";
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 30;
    /** Default of {@code minClusters}. */
    public static final int DEFAULT_MIN_CLUSTERS = 3;
    /** Default of {@code saturationClusters}. */
    public static final int DEFAULT_SATURATION_CLUSTERS = 8;
    /** Default of {@code familyMitigation}. */
    public static final double DEFAULT_FAMILY_MITIGATION = 0.8;

    /** Counting related clusters too (the default of {@code unrelatedOnly}). */
    public SenderFanOutConfig(boolean enabled, double weight, int windowDays, int minClusters, int saturationClusters,
                              double familyMitigation, boolean applyToBusiness) {
        this(enabled, weight, windowDays, minClusters, saturationClusters, familyMitigation, applyToBusiness, false);
    }

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public SenderFanOutConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.window(TYPE + ".windowDays", windowDays);
        Check.range(TYPE + ".minClusters", minClusters, 1, org.osecscreener.profile.SenderProfile.CLUSTERS);
        Check.range(TYPE + ".saturationClusters", saturationClusters, 1, org.osecscreener.profile.SenderProfile.CLUSTERS);
        Check.atLeast(TYPE + ".saturationClusters", saturationClusters, "minClusters", minClusters);
        Check.share(TYPE + ".familyMitigation", familyMitigation);
    }

    @JsonCreator
    static SenderFanOutConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                       @JsonProperty(value = "weight", required = true) Double weight,
                                       @JsonProperty("windowDays") Integer windowDays,
                                       @JsonProperty("minClusters") Integer minClusters,
                                       @JsonProperty("saturationClusters") Integer saturationClusters,
                                       @JsonProperty("familyMitigation") Double familyMitigation,
                                       @JsonProperty("applyToBusiness") Boolean applyToBusiness,
                                       @JsonProperty("unrelatedOnly") Boolean unrelatedOnly) {
        return new SenderFanOutConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minClusters == null ? DEFAULT_MIN_CLUSTERS : minClusters,
                saturationClusters == null ? DEFAULT_SATURATION_CLUSTERS : saturationClusters,
                familyMitigation == null ? DEFAULT_FAMILY_MITIGATION : familyMitigation,
                applyToBusiness != null && applyToBusiness, unrelatedOnly != null && unrelatedOnly);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int stateDays() {
        return windowDays;
    }
}
