package org.osecscreener.detect;

import java.nio.charset.StandardCharsets;

import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;

/** Small rule bundles for tests: the detectors section is given, the rest is fixed. */
public final class TestBundles {
    private TestBundles() {
    }

    public static RuleBundle with(String detectorsYaml) {
        return with(1, detectorsYaml, "{review: 0.3, alert: 0.6, minIndicatorsForAlert: 2}", "[]");
    }

    public static RuleBundle with(int version, String detectorsYaml, String scoringYaml, String suppressionsYaml) {
        String yaml = """
                id: test-bundle
                version: %d
                approvedBy: unit tests
                effectiveFrom: 2026-01-01
                baseCurrency: USD
                fxRates: {AUD: 0.5, PHP: 0.02, JPY: 0.01, GBP: 1.25}
                countries:
                  demandSide: [AU, US, GB, JP]
                  sourceSide: {PH: 1.0, TH: 0.5}
                keywords:
                  cover_words: [gift, school fees, uniform]
                idLists:
                  charities: [B-ORG]
                detectors:
                %s
                scoring: %s
                suppressions: %s
                """.formatted(version, detectorsYaml.indent(2).stripTrailing(), scoringYaml, suppressionsYaml);
        try {
            return new RuleBundleLoader().load("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        } catch (RuleBundleException e) {
            throw new AssertionError("test bundle invalid: " + e.errors() + "\n" + yaml, e);
        }
    }
}
