package org.osecscreener.detect;

import java.util.List;

import org.osecscreener.rules.CoverKeywordsConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 5: the payment reference contains listed cover words or phrases ("school fees",
 * "gift", ...), case- and diacritic-insensitive, on word boundaries, in linear time. 0.7 for one
 * phrase, 1 for two or more.
 */
final class CoverKeywordsDetector implements Detector {
    private final CoverKeywordsConfig c;
    private final KeywordMatcher matcher;

    CoverKeywordsDetector(CoverKeywordsConfig c, KeywordMatcher matcher) {
        this.c = c;
        this.matcher = matcher;
    }

    @Override
    public String id() {
        return CoverKeywordsConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        List<String> found = e.found(matcher);
        if (found.isEmpty()) {
            return null;
        }
        double s = found.size() == 1 ? 0.7 : 1.0;
        return new Hit(id(), s, c.weight(), false,
                RuleReason.of(id(), CoverKeywordsDetector::reason, NO_NUMBERS, found.toArray(new String[0])),
                List.of(e.tx.id()));
    }

    private static final double[] NO_NUMBERS = new double[0];

    /** Words: the phrases found. */
    static String reason(double[] n, String[] w) {
        return "payment reference contains cover " + (w.length == 1 ? "phrase" : "phrases") + " '"
                + String.join("', '", w) + "'";
    }
}
