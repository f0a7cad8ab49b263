package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code cluster_fan_in} (typology indicator 2): many senders, from several countries, pay one
 * payee cluster within a window (a facilitator collecting from many offenders).
 *
 * @param enabled             whether the detector runs; default {@code true}
 * @param weight              weight in (0, 1]; required
 * @param windowDays          the look-back window in days, 1..366; default 30
 * @param minSenders          distinct senders in the window before the detector fires, 1..64 (the senders a cluster profile keeps); default 4
 * @param minSenderCountries  distinct sender countries needed, 1..64; default 2
 * @param saturationSenders   senders at which the sub-score reaches 1, {@code >= minSenders}; default 15
 * @param allowList           name of an {@code idLists} entry of cluster or party ids (e.g. registered
 *                            charities) whose fan-in is mitigated; {@code null} (default) for none
 * @param allowListMitigation share in [0, 1] by which the sub-score of an allow-listed payee is
 *                            reduced; default 0.9
 */
public record ClusterFanInConfig(boolean enabled, double weight, int windowDays, int minSenders,
                                 int minSenderCountries, int saturationSenders, String allowList,
                                 double allowListMitigation) implements DetectorConfig {
    /** The type name in rule files. */
    public static final String TYPE = "cluster_fan_in";
    /** Default of {@code windowDays}. */
    public static final int DEFAULT_WINDOW_DAYS = 30;
    /** Default of {@code minSenders}. */
    public static final int DEFAULT_MIN_SENDERS = 4;
    /** Default of {@code minSenderCountries}. */
    public static final int DEFAULT_MIN_SENDER_COUNTRIES = 2;
    /** Default of {@code saturationSenders}. */
    public static final int DEFAULT_SATURATION_SENDERS = 15;
    /** Default of {@code allowListMitigation}. */
    public static final double DEFAULT_ALLOW_LIST_MITIGATION = 0.9;

    /** @throws IllegalArgumentException if a parameter is outside its documented range */
    public ClusterFanInConfig {
        Check.weight(TYPE + ".weight", weight);
        Check.window(TYPE + ".windowDays", windowDays);
        Check.range(TYPE + ".minSenders", minSenders, 1, org.osecscreener.profile.ClusterProfile.SENDERS);
        Check.range(TYPE + ".minSenderCountries", minSenderCountries, 1, org.osecscreener.profile.ClusterProfile.SENDERS);
        Check.range(TYPE + ".saturationSenders", saturationSenders, 1, org.osecscreener.profile.ClusterProfile.SENDERS);
        Check.atLeast(TYPE + ".saturationSenders", saturationSenders, "minSenders", minSenders);
        Check.share(TYPE + ".allowListMitigation", allowListMitigation);
        if (allowList != null && !Names.isListName(allowList)) {
            throw new IllegalArgumentException(TYPE + ".allowList '" + allowList + "' is not a list name; "
                    + Names.LIST_NAME_RULE);
        }
    }

    @JsonCreator
    static ClusterFanInConfig fromJson(@JsonProperty("enabled") Boolean enabled,
                                       @JsonProperty(value = "weight", required = true) Double weight,
                                       @JsonProperty("windowDays") Integer windowDays,
                                       @JsonProperty("minSenders") Integer minSenders,
                                       @JsonProperty("minSenderCountries") Integer minSenderCountries,
                                       @JsonProperty("saturationSenders") Integer saturationSenders,
                                       @JsonProperty("allowList") String allowList,
                                       @JsonProperty("allowListMitigation") Double allowListMitigation) {
        return new ClusterFanInConfig(enabled == null || enabled, Check.required(TYPE + ".weight", weight),
                windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays,
                minSenders == null ? DEFAULT_MIN_SENDERS : minSenders,
                minSenderCountries == null ? DEFAULT_MIN_SENDER_COUNTRIES : minSenderCountries,
                saturationSenders == null ? DEFAULT_SATURATION_SENDERS : saturationSenders,
                allowList,
                allowListMitigation == null ? DEFAULT_ALLOW_LIST_MITIGATION : allowListMitigation);
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
