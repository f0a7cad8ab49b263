package org.osecscreener.rules;

/**
 * The configuration of one detector of a rule bundle: one record per detector type, a closed
 * set.
 *
 * <p>Each type is keyed in a rule file by its {@link #type()} name under {@code detectors}.
 * Positive detectors carry a {@code weight} in (0, 1]; the one mitigating detector,
 * {@link FamilySupportConfig}, carries a {@code mitigation} in (0, 1] instead. All
 * implementations are immutable records, safe to share between threads.
 */
public sealed interface DetectorConfig
        permits SmallAmountConfig, CorridorRiskConfig, RecurringSmallToClusterConfig, SenderFanOutConfig,
        ClusterFanInConfig, NewRelationshipConfig, EscalationConfig, OddHoursConfig, CoverKeywordsConfig,
        RoundAmountConfig, LinkedToAlertedConfig, FamilySupportConfig, WatchlistMatchConfig, LowAndSlowConfig,
        CoverStoryConfig {

    /** The detector type name, the key under {@code detectors} in a rule file (e.g. {@code small_amount}). */
    String type();

    /** Whether the detector runs; a disabled detector is still validated. */
    boolean enabled();

    /**
     * The days of history this detector needs in the profiles (its window; for
     * {@code family_support} the months it looks back, at 31 days each); 0 if it needs none.
     * {@link RuleBundle#longestWindowDays()} is the maximum over enabled detectors.
     */
    int stateDays();
}
