package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code detectors} section: at most one configuration per detector type, a closed set.
 * A {@code null} component means the type is absent from the bundle (and does not run).
 *
 * @param smallAmount             {@code small_amount}
 * @param corridorRisk            {@code corridor_risk}
 * @param recurringSmallToCluster {@code recurring_small_to_cluster}
 * @param senderFanOut            {@code sender_fan_out}
 * @param clusterFanIn            {@code cluster_fan_in}
 * @param newRelationship         {@code new_relationship}
 * @param escalation              {@code escalation}
 * @param oddHours                {@code odd_hours}
 * @param coverKeywords           {@code cover_keywords}
 * @param roundAmount             {@code round_amount}
 * @param linkedToAlerted         {@code linked_to_alerted}
 * @param familySupport           {@code family_support} (mitigating)
 * @param watchlistMatch          {@code watchlist_match}
 * @param lowAndSlow              {@code low_and_slow}
 * @param coverStory              {@code cover_story}
 */
public record Detectors(
        @JsonProperty(SmallAmountConfig.TYPE) SmallAmountConfig smallAmount,
        @JsonProperty(CorridorRiskConfig.TYPE) CorridorRiskConfig corridorRisk,
        @JsonProperty(RecurringSmallToClusterConfig.TYPE) RecurringSmallToClusterConfig recurringSmallToCluster,
        @JsonProperty(SenderFanOutConfig.TYPE) SenderFanOutConfig senderFanOut,
        @JsonProperty(ClusterFanInConfig.TYPE) ClusterFanInConfig clusterFanIn,
        @JsonProperty(NewRelationshipConfig.TYPE) NewRelationshipConfig newRelationship,
        @JsonProperty(EscalationConfig.TYPE) EscalationConfig escalation,
        @JsonProperty(OddHoursConfig.TYPE) OddHoursConfig oddHours,
        @JsonProperty(CoverKeywordsConfig.TYPE) CoverKeywordsConfig coverKeywords,
        @JsonProperty(RoundAmountConfig.TYPE) RoundAmountConfig roundAmount,
        @JsonProperty(LinkedToAlertedConfig.TYPE) LinkedToAlertedConfig linkedToAlerted,
        @JsonProperty(FamilySupportConfig.TYPE) FamilySupportConfig familySupport,
        @JsonProperty(WatchlistMatchConfig.TYPE) WatchlistMatchConfig watchlistMatch,
        @JsonProperty(LowAndSlowConfig.TYPE) LowAndSlowConfig lowAndSlow,
        @JsonProperty(CoverStoryConfig.TYPE) CoverStoryConfig coverStory) {

    /** Every detector type name, in the order of this record's components. */
    public static final List<String> TYPES = List.of(SmallAmountConfig.TYPE, CorridorRiskConfig.TYPE,
            RecurringSmallToClusterConfig.TYPE, SenderFanOutConfig.TYPE, ClusterFanInConfig.TYPE,
            NewRelationshipConfig.TYPE, EscalationConfig.TYPE, OddHoursConfig.TYPE, CoverKeywordsConfig.TYPE,
            RoundAmountConfig.TYPE, LinkedToAlertedConfig.TYPE, FamilySupportConfig.TYPE, WatchlistMatchConfig.TYPE,
            LowAndSlowConfig.TYPE, CoverStoryConfig.TYPE);

    /** @throws IllegalArgumentException if no detector is configured */
    public Detectors {
        // fields are assigned only after the compact constructor body: check the parameters
        if (java.util.stream.Stream.of(smallAmount, corridorRisk, recurringSmallToCluster, senderFanOut,
                clusterFanIn, newRelationship, escalation, oddHours, coverKeywords, roundAmount, linkedToAlerted,
                familySupport, watchlistMatch, lowAndSlow, coverStory).allMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("detectors must configure at least one detector; accepted types: "
                    + String.join(", ", TYPES));
        }
    }

    /**
     * The detectors before {@code watchlist_match} existed, for callers that build bundles in code:
     * {@code watchlist_match} absent.
     */
    public Detectors(SmallAmountConfig smallAmount, CorridorRiskConfig corridorRisk,
                     RecurringSmallToClusterConfig recurringSmallToCluster, SenderFanOutConfig senderFanOut,
                     ClusterFanInConfig clusterFanIn, NewRelationshipConfig newRelationship, EscalationConfig escalation,
                     OddHoursConfig oddHours, CoverKeywordsConfig coverKeywords, RoundAmountConfig roundAmount,
                     LinkedToAlertedConfig linkedToAlerted, FamilySupportConfig familySupport) {
        this(smallAmount, corridorRisk, recurringSmallToCluster, senderFanOut, clusterFanIn, newRelationship, escalation,
                oddHours, coverKeywords, roundAmount, linkedToAlerted, familySupport, null, null, null);
    }

    /**
     * The detectors before {@code low_and_slow} and {@code cover_story} existed, for callers that
     * build bundles in code: both absent.
     */
    public Detectors(SmallAmountConfig smallAmount, CorridorRiskConfig corridorRisk,
                     RecurringSmallToClusterConfig recurringSmallToCluster, SenderFanOutConfig senderFanOut,
                     ClusterFanInConfig clusterFanIn, NewRelationshipConfig newRelationship, EscalationConfig escalation,
                     OddHoursConfig oddHours, CoverKeywordsConfig coverKeywords, RoundAmountConfig roundAmount,
                     LinkedToAlertedConfig linkedToAlerted, FamilySupportConfig familySupport,
                     WatchlistMatchConfig watchlistMatch) {
        this(smallAmount, corridorRisk, recurringSmallToCluster, senderFanOut, clusterFanIn, newRelationship, escalation,
                oddHours, coverKeywords, roundAmount, linkedToAlerted, familySupport, watchlistMatch, null, null);
    }

    /** The configured detectors, enabled or not, in the order of {@link #TYPES}. */
    public List<DetectorConfig> present() {
        List<DetectorConfig> all = new ArrayList<>(TYPES.size());
        for (DetectorConfig c : new DetectorConfig[] {smallAmount, corridorRisk, recurringSmallToCluster,
                senderFanOut, clusterFanIn, newRelationship, escalation, oddHours, coverKeywords, roundAmount,
                linkedToAlerted, familySupport, watchlistMatch, lowAndSlow, coverStory}) {
            if (c != null) {
                all.add(c);
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** The configured and enabled detectors, in the order of {@link #TYPES}. */
    public List<DetectorConfig> enabled() {
        return present().stream().filter(DetectorConfig::enabled).toList();
    }
}
