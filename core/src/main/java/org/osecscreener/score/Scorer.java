package org.osecscreener.score;

import java.util.List;

import org.osecscreener.rules.Scoring;

/**
 * Combines hits into a score in [0, 1] and a level.
 *
 * <p>The combination, documented in {@code docs/rules.md}:
 * <pre>
 *   positive = 1 − Π over positive hits (1 − weight × subScore)      ("noisy-or")
 *   score    = positive × Π over mitigating hits (1 − mitigation × subScore)
 * </pre>
 * It is monotone: raising any positive sub-score or weight never lowers the score, raising a
 * mitigation never raises it, and the score stays in [0, 1]. The level is ALERT when
 * {@code score ≥ scoring.alert} and at least {@code scoring.minIndicatorsForAlert} distinct rules
 * hit positively (no single indicator alerts on its own); REVIEW when {@code score ≥ scoring.review};
 * NONE otherwise. When the bundle names {@code scoring.contextRules}, REVIEW and ALERT also need at
 * least one positive hit of a rule that is not a context rule, and those hits must combine to at
 * least {@code scoring.minBehaviour}: context alone never reaches a level.
 * A {@code cluster_alert} hit (a payment to a payee cluster at ALERT) counts as two indicators:
 * it stands for the cluster's alert, which itself needed at least two pattern facets.
 *
 * <p>Stateless and thread-safe.
 */
public final class Scorer {
    private Scorer() {
    }

    /** The combined score of {@code hits}. */
    public static double score(List<Hit> hits) {
        double notPositive = 1.0;
        double kept = 1.0;
        for (int i = 0, n = hits.size(); i < n; i++) {
            Hit h = hits.get(i);
            if (h.mitigating()) {
                kept *= 1.0 - h.contribution();
            } else {
                notPositive *= 1.0 - h.contribution();
            }
        }
        return (1.0 - notPositive) * kept;
    }

    /** Rule id of the hit a payer of a cluster at ALERT gets (counts as two indicators). */
    public static final String CLUSTER_ALERT = "cluster_alert";

    /** The level for {@code score} given the hits and the bundle's scoring section. */
    public static Level level(double score, List<Hit> hits, Scoring scoring) {
        if (score < scoring.review()) {
            return Level.NONE;
        }
        if (!scoring.contextRules().isEmpty() && !hasBehaviour(hits, scoring.contextRules(), scoring.minBehaviour())) {
            return Level.NONE;
        }
        if (score >= scoring.alert() && positiveRules(hits) >= scoring.minIndicatorsForAlert()) {
            return Level.ALERT;
        }
        return Level.REVIEW;
    }

    /** Whether the positive hits of rules not in {@code contextRules} combine to more than 0 and at least {@code min}. */
    private static boolean hasBehaviour(List<Hit> hits, List<String> contextRules, double min) {
        double notPositive = 1;
        boolean any = false;
        for (int i = 0, size = hits.size(); i < size; i++) {
            Hit h = hits.get(i);
            if (!h.mitigating() && !contextRules.contains(h.ruleId())) {
                any = true;
                notPositive *= 1 - h.contribution();
            }
        }
        return any && 1 - notPositive >= min;
    }

    /** The number of positive indicators (each rule hits at most once; {@code cluster_alert} counts two). */
    public static int positiveRules(List<Hit> hits) {
        int n = 0;
        for (int i = 0, size = hits.size(); i < size; i++) {
            Hit h = hits.get(i);
            if (!h.mitigating()) {
                n += h.ruleId().equals(CLUSTER_ALERT) ? 2 : 1;
            }
        }
        return n;
    }
}
