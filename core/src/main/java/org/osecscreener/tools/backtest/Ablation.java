package org.osecscreener.tools.backtest;

import org.osecscreener.rules.ClusterFanInConfig;
import org.osecscreener.rules.CorridorRiskConfig;
import org.osecscreener.rules.CoverKeywordsConfig;
import org.osecscreener.rules.CoverStoryConfig;
import org.osecscreener.rules.DetectorConfig;
import org.osecscreener.rules.Detectors;
import org.osecscreener.rules.EscalationConfig;
import org.osecscreener.rules.FamilySupportConfig;
import org.osecscreener.rules.LinkedToAlertedConfig;
import org.osecscreener.rules.LowAndSlowConfig;
import org.osecscreener.rules.NewRelationshipConfig;
import org.osecscreener.rules.OddHoursConfig;
import org.osecscreener.rules.RecurringSmallToClusterConfig;
import org.osecscreener.rules.RoundAmountConfig;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.Scoring;
import org.osecscreener.rules.SenderFanOutConfig;
import org.osecscreener.rules.SmallAmountConfig;
import org.osecscreener.rules.WatchlistMatchConfig;

/**
 * Builds modified bundles programmatically: a copy with one detector disabled (for marginal
 * contribution) or with other thresholds. The records are immutable, so each change is a new
 * record validated by its constructor.
 */
public final class Ablation {
    private Ablation() {
    }

    /** {@code b} with the detector of type {@code type} disabled (unchanged if absent or already disabled). */
    public static RuleBundle without(RuleBundle b, String type) {
        Detectors d = b.detectors();
        Detectors n = new Detectors(
                off(d.smallAmount(), type, c -> new SmallAmountConfig(false, c.weight(), c.bands())),
                off(d.corridorRisk(), type, c -> new CorridorRiskConfig(false, c.weight())),
                off(d.recurringSmallToCluster(), type, c -> new RecurringSmallToClusterConfig(false, c.weight(), c.windowDays(),
                        c.minCount(), c.saturationCount(), c.maxAmount(), c.regularityShare(), c.relatedDiscount(), c.scheduleDiscount(), c.personsAbroadOnly())),
                off(d.senderFanOut(), type, c -> new SenderFanOutConfig(false, c.weight(), c.windowDays(), c.minClusters(),
                        c.saturationClusters(), c.familyMitigation(), c.applyToBusiness(), c.unrelatedOnly())),
                off(d.clusterFanIn(), type, c -> new ClusterFanInConfig(false, c.weight(), c.windowDays(), c.minSenders(),
                        c.minSenderCountries(), c.saturationSenders(), c.allowList(), c.allowListMitigation())),
                off(d.newRelationship(), type, c -> new NewRelationshipConfig(false, c.weight(), c.followUpCount(), c.followUpDays())),
                off(d.escalation(), type, c -> new EscalationConfig(false, c.weight(), c.windowDays(), c.minTransfers(), c.minGrowth())),
                off(d.oddHours(), type, c -> new OddHoursConfig(false, c.weight(), c.startHour(), c.endHour(), c.windowDays(), c.minCount())),
                off(d.coverKeywords(), type, c -> new CoverKeywordsConfig(false, c.weight(), c.lists())),
                off(d.roundAmount(), type, c -> new RoundAmountConfig(false, c.weight(), c.multiple(), c.perCurrency())),
                off(d.linkedToAlerted(), type, c -> new LinkedToAlertedConfig(false, c.weight(), c.windowDays())),
                off(d.familySupport(), type, c -> new FamilySupportConfig(false, c.mitigation(), c.minMonths(), c.maxJitterDays(),
                        c.requireSharedSurname())),
                off(d.watchlistMatch(), type, c -> new WatchlistMatchConfig(false, c.weight(), c.lists(), c.checkSender(),
                        c.checkBeneficiary(), c.types(), c.minConfidence())),
                off(d.lowAndSlow(), type, c -> new LowAndSlowConfig(false, c.weight(), c.windowDays(), c.minCount(),
                        c.saturationCount(), c.maxAmount(), c.maxMedianIntervalDays(), c.minSpanDays(), c.startHour(),
                        c.endHour(), c.minLateShare(), c.scheduleDiscount())),
                off(d.coverStory(), type, c -> new CoverStoryConfig(false, c.weight(), c.lists(), c.windowDays(),
                        c.minCount(), c.saturationCount(), c.maxAmount(), c.minRoundShare(), c.maxMedianIntervalDays(),
                        c.scheduleDiscount())));
        return with(b, n, b.scoring());
    }

    /** {@code b} with other scoring thresholds. */
    public static RuleBundle withScoring(RuleBundle b, Scoring scoring) {
        return with(b, b.detectors(), scoring);
    }

    private static RuleBundle with(RuleBundle b, Detectors d, Scoring s) {
        return new RuleBundle(b.id(), b.version(), b.description(), b.approvedBy(), b.effectiveFrom(), b.baseCurrency(),
                b.fxRates(), b.countries(), b.keywords(), b.idLists(), d, s, b.suppressions(), b.reporting(),
                b.clusterRisk(), b.sextortion(), b.queue());
    }

    private static <C extends DetectorConfig> C off(C c, String type, java.util.function.Function<C, C> disable) {
        return c == null || !c.type().equals(type) || !c.enabled() ? c : disable.apply(c);
    }
}
