package org.osecscreener.detect;

import java.util.List;

import org.osecscreener.rules.CorridorRiskConfig;
import org.osecscreener.score.Hit;

/**
 * Corridor: a sender in a demand-side country paying a beneficiary in a source country, scored by
 * the source country's risk level. Countries are where the parties are, never their nationality.
 */
final class CorridorRiskDetector implements Detector {
    private final CorridorRiskConfig c;
    private final CompiledRules rules;

    CorridorRiskDetector(CorridorRiskConfig c, CompiledRules rules) {
        this.c = c;
        this.rules = rules;
    }

    @Override
    public String id() {
        return CorridorRiskConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        String from = e.tx.sender().country();
        String to = e.tx.beneficiary().country();
        double risk = rules.sourceRisk(to);
        if (risk <= 0 || !rules.isDemandSide(from)) {
            return null;
        }
        return new Hit(id(), risk, c.weight(), false,
                RuleReason.of(id(), CorridorRiskDetector::reason, new double[] {risk}, from, to),
                List.of(e.tx.id()));
    }

    /** Numbers: the source country risk; words: sender and beneficiary country. */
    static String reason(double[] n, String[] w) {
        return "corridor " + w[0] + " → " + w[1] + ": demand-side sender country, source country risk " + Fmt.num(n[0]);
    }
}
