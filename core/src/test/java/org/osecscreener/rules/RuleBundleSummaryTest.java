package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleBundleSummaryTest {

    @Test
    void validBundle_summaryNamesIdVersionApprovalDetectorsAndThresholds() {
        String text = RuleBundleSummary.describe(RuleBundleLoader.defaultBundle());

        assertThat(text).startsWith("rule bundle osec-default version 1 is valid\n")
                .contains("approved by:", "effective from: 2020-01-01", "base currency:  USD")
                .contains("15 enabled: small_amount (weight 0.15), corridor_risk (weight 0.2)")
                .contains("low_and_slow (weight 0.8)", "cover_story (weight 0.6)")
                .contains("payee clusters: scored over 90 days from 3 unrelated senders")
                .contains("sextortion:     victim-side alerts for bursts to NG, CI, GH, PH within 72 hours")
                .contains("queue:          items close after 30 days without an update")
                .contains("watchlist_match (weight 0.6)")
                .contains("family_support (mitigation 0.6)")
                .contains("thresholds:     review at 0.55, alert at 0.75 with at least 2 indicators; context rules")
                .contains("longest window: 120 days")
                .doesNotContain("disabled:");
    }

    @Test
    void disabledDetectors_areListedSeparately() throws Exception {
        String yaml = """
                id: s
                version: 2
                approvedBy: me
                effectiveFrom: 2026-01-01
                baseCurrency: USD
                countries: {}
                detectors:
                  corridor_risk: {weight: 0.3}
                  escalation: {enabled: false, weight: 0.3}
                scoring: {review: 0.4, alert: 0.6, minIndicatorsForAlert: 3}
                """;
        RuleBundle b = new RuleBundleLoader().load("s.yaml", yaml.getBytes(StandardCharsets.UTF_8));

        assertThat(RuleBundleSummary.describe(b)).contains("1 enabled: corridor_risk (weight 0.3)")
                .contains("disabled:       escalation").contains("at least 3 indicators");
    }

    @Test
    void errors_areListedOnePerLine_afterACount() {
        RuleBundleException e = catchThrowableOfType(RuleBundleException.class, () -> new RuleBundleLoader()
                .load("bad.yaml", "id: x\nversion: 0\n".getBytes(StandardCharsets.UTF_8)));

        String text = RuleBundleSummary.describe(e.errors());

        assertThat(text).startsWith(e.errors().size() + " errors in bad.yaml\n")
                .contains("bad.yaml:2:1 version: 0 is out of range")
                .contains("missing required property 'scoring'");
        assertThat(text.lines().count()).isEqualTo(e.errors().size() + 1L);
    }
}
