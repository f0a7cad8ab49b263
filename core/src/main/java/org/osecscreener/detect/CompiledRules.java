package org.osecscreener.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Currency;

import org.osecscreener.rules.Detectors;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.Suppression;

/**
 * A rule bundle turned into lookup tables once per version: FX rates by currency, country tables,
 * the keyword automaton, allow lists, suppressions, and the detectors in rule order.
 */
final class CompiledRules {
    final RuleBundle bundle;
    final String baseCurrency;
    private final Map<Currency, Double> fx = new IdentityHashMap<>();
    private final boolean[] demand = new boolean[26 * 26];
    private final double[] sourceRisk = new double[26 * 26];
    final List<Detector> detectors;
    /** The propagation rule, for the final step; {@code null} when disabled. */
    final LinkedToAlertedDetector linked;
    final int fanInWindowDays;
    final int nightStart;
    final int nightEnd;
    final boolean trackNight;
    private final Map<String, List<Suppression>> suppressions = new HashMap<>();
    /** Round amounts as {@code round_amount} defines them (its defaults without the section). */
    final RoundAmounts round;
    private final Map<List<String>, KeywordMatcher> matchers = new HashMap<>();
    /** Cover phrases of {@code cover_story}, stored as a transfer trait; {@code null} without the rule. */
    final KeywordMatcher storyCover;
    /** Cover phrases of the cluster facets; {@code null} when clusters are not scored. */
    final KeywordMatcher clusterCover;
    /** Purchase words that exclude a payment from the sextortion rule; {@code null} if none. */
    final KeywordMatcher purchase;
    /** The cluster-risk section (possibly disabled). */
    final org.osecscreener.rules.ClusterRiskConfig clusterRisk;
    /** The sextortion rule, or {@code null} when it does not run. */
    final SextortionRule sextortion;
    private final java.util.Set<String> contextRules;

    CompiledRules(RuleBundle b) {
        this.bundle = b;
        this.baseCurrency = b.baseCurrency().getCurrencyCode();
        fx.put(b.baseCurrency(), 1.0);
        b.fxRates().forEach((code, rate) -> fx.put(Currency.getInstance(code), rate));
        for (String c : b.countries().demandSide()) {
            demand[code(c)] = true;
        }
        b.countries().sourceSide().forEach((c, risk) -> sourceRisk[code(c)] = risk);
        for (Suppression s : b.suppressions()) {
            suppressions.computeIfAbsent(s.kind() + "/" + s.id(), k -> new ArrayList<>()).add(s);
        }
        Detectors d = b.detectors();
        this.round = d.roundAmount() == null ? new RoundAmounts(RoundAmounts.DEFAULT_MULTIPLE, Map.of())
                : new RoundAmounts(d.roundAmount().multiple(), d.roundAmount().perCurrency());
        this.storyCover = on(d.coverStory()) ? matcher(b, d.coverStory().lists()) : null;
        this.clusterRisk = b.clusterRisk();
        this.clusterCover = clusterRisk.enabled() ? matcher(b, clusterRisk.coverLists()) : null;
        this.sextortion = b.screensSextortion() ? new SextortionRule(b.sextortion()) : null;
        this.purchase = sextortion != null && !b.sextortion().excludeLists().isEmpty()
                ? matcher(b, b.sextortion().excludeLists()) : null;
        this.contextRules = new HashSet<>(b.scoring().contextRules());
        List<Detector> list = new ArrayList<>();
        if (on(d.smallAmount())) list.add(new SmallAmountDetector(d.smallAmount(), baseCurrency));
        if (on(d.corridorRisk())) list.add(new CorridorRiskDetector(d.corridorRisk(), this));
        if (on(d.recurringSmallToCluster())) list.add(new RecurringSmallToClusterDetector(d.recurringSmallToCluster(), baseCurrency));
        if (on(d.senderFanOut())) list.add(new SenderFanOutDetector(d.senderFanOut()));
        if (on(d.clusterFanIn())) {
            Set<String> allow = d.clusterFanIn().allowList() == null ? Set.of()
                    : new HashSet<>(b.idList(d.clusterFanIn().allowList()));
            list.add(new ClusterFanInDetector(d.clusterFanIn(), allow));
        }
        if (on(d.newRelationship())) list.add(new NewRelationshipDetector(d.newRelationship()));
        if (on(d.escalation())) list.add(new EscalationDetector(d.escalation(), baseCurrency));
        if (on(d.oddHours())) list.add(new OddHoursDetector(d.oddHours()));
        if (on(d.lowAndSlow())) list.add(new LowAndSlowDetector(d.lowAndSlow(), baseCurrency));
        if (on(d.coverStory())) list.add(new CoverStoryDetector(d.coverStory(), baseCurrency));
        if (on(d.coverKeywords())) list.add(new CoverKeywordsDetector(d.coverKeywords(), matcher(b, d.coverKeywords().lists())));
        if (on(d.roundAmount())) list.add(new RoundAmountDetector(d.roundAmount(), round));
        LinkedToAlertedDetector link = on(d.linkedToAlerted()) ? new LinkedToAlertedDetector(d.linkedToAlerted()) : null;
        if (link != null) list.add(link);
        if (on(d.watchlistMatch())) list.add(new WatchlistMatchDetector(d.watchlistMatch()));
        if (on(d.familySupport())) list.add(new FamilySupportDetector(d.familySupport()));
        this.detectors = Collections.unmodifiableList(list);
        this.linked = link;
        this.fanInWindowDays = on(d.clusterFanIn()) ? d.clusterFanIn().windowDays() : 0;
        this.trackNight = on(d.oddHours());
        this.nightStart = trackNight ? d.oddHours().startHour() : 0;
        this.nightEnd = trackNight ? d.oddHours().endHour() : 0;
    }

    /** One matcher per distinct set of keyword lists, shared by the rules that name the same lists. */
    private KeywordMatcher matcher(RuleBundle b, List<String> lists) {
        return matchers.computeIfAbsent(List.copyOf(lists), k -> {
            List<String> words = new ArrayList<>();
            for (String name : k) {
                words.addAll(b.keywordList(name));
            }
            return new KeywordMatcher(words);
        });
    }

    /** Whether {@code ruleId} is a context rule ({@code scoring.contextRules}). */
    boolean isContext(String ruleId) {
        return contextRules.contains(ruleId);
    }

    private static boolean on(org.osecscreener.rules.DetectorConfig c) {
        return c != null && c.enabled();
    }

    /** Units of base currency per unit of {@code currency}, or NaN if the bundle has no rate. */
    double rate(Currency currency) {
        Double r = fx.get(currency);
        return r == null ? Double.NaN : r;
    }

    boolean isDemandSide(String country) {
        return demand[code(country)];
    }

    double sourceRisk(String country) {
        return sourceRisk[code(country)];
    }

    boolean isNight(int hour) {
        return nightStart < nightEnd ? hour >= nightStart && hour < nightEnd : hour >= nightStart || hour < nightEnd;
    }

    /** The first active suppression of this kind and id on {@code day}, or {@code null}. */
    Suppression suppression(String kind, String id, java.time.LocalDate day) {
        if (suppressions.isEmpty()) {
            return null;
        }
        List<Suppression> l = suppressions.get(kind + "/" + id);
        if (l != null) {
            for (Suppression s : l) {
                if (s.isActiveOn(day)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Country code as a table index; codes are validated upper-case alpha-2 by the codec. */
    static int code(String country) {
        return (country.charAt(0) - 'A') * 26 + (country.charAt(1) - 'A');
    }
}
