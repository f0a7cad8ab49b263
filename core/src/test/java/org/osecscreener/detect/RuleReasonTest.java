package org.osecscreener.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The rules' reasons kept as numbers and words: each renderer's sentence in every branch (the
 * texts analysts and FIU reports read, which must not change when reasons are deferred), and
 * reading back by rule id.
 */
class RuleReasonTest {
    private static String render(String rule, int form, double[] n, String... w) {
        return RuleReason.forRule(rule, form, n, w).text();
    }

    @Test
    void amountRules() {
        assertThat(render("small_amount", 0, new double[] {2500, 25.0, 0, 50}, "USD", "USD"))
                .isEqualTo("amount 25.00 USD is in the small band 0.0–50.0 USD");
        assertThat(render("small_amount", 0, new double[] {150000, 27.6, 0, 50}, "PHP", "USD"))
                .isEqualTo("amount 1500.00 PHP (27.60 USD) is in the small band 0.0–50.0 USD");
        assertThat(render("small_amount", 0, new double[] {5000, 33.33, 0, 50}, "JPY", "USD"))
                .isEqualTo("amount 5000 JPY (33.33 USD) is in the small band 0.0–50.0 USD");
        assertThat(render("round_amount", 0, new double[] {10000, 50}, "EUR"))
                .isEqualTo("round amount 100.00 EUR (a multiple of 50.0)");
        assertThat(render("corridor_risk", 0, new double[] {0.9}, "US", "PH"))
                .isEqualTo("corridor US → PH: demand-side sender country, source country risk 0.9");
        assertThat(render("cover_keywords", 0, new double[0], "school fees"))
                .isEqualTo("payment reference contains cover phrase 'school fees'");
        assertThat(render("cover_keywords", 0, new double[0], "gift", "load"))
                .isEqualTo("payment reference contains cover phrases 'gift', 'load'");
    }

    @Test
    void networkRules() {
        assertThat(render("cluster_fan_in", 0, new double[] {6, 3, 30, 0, 0.5}, "C-7"))
                .isEqualTo("6 distinct senders from 3 countries paid cluster C-7 in 30 days");
        assertThat(render("cluster_fan_in", 0, new double[] {6, 3, 30, 1, 0.5}, "C-7"))
                .isEqualTo("6 distinct senders from 3 countries paid cluster C-7 in 30 days;"
                        + " allow-listed organisation, mitigated by 50%");
        assertThat(render("sender_fan_out", 0, new double[] {5, 30, 0, 0}))
                .isEqualTo("paid 5 distinct payee clusters in source countries in 30 days,"
                        + " none sharing a surname or address with the sender or each other");
        assertThat(render("sender_fan_out", 0, new double[] {5, 30, 2, 0.2}))
                .isEqualTo("paid 5 distinct payee clusters in source countries in 30 days;"
                        + " 2 share a surname or address (family), mitigated by 20%");
        assertThat(render("sender_fan_out", 1, new double[] {4, 30, 0}))
                .isEqualTo("paid 4 unrelated payee clusters in source countries more than once each in 30 days,"
                        + " none sharing a family name or address with the sender or each other");
        assertThat(render("sender_fan_out", 1, new double[] {4, 30, 3}))
                .endsWith(" (3 other clusters paid once or related: not counted)");
    }

    @Test
    void relationshipRules() {
        assertThat(render("new_relationship", 0, new double[] {1, 1_700_000_000L, 14, 0}, "C-1", "PH"))
                .isEqualTo("first transfer to cluster C-1");
        assertThat(render("new_relationship", 0, new double[] {3, 1_700_000_000L, 14, 1}, "C-1", "PH"))
                .isEqualTo("3 transfers to cluster C-1 since the first on 2023-11-14, within 14 days; first transfer to PH");
        assertThat(render("odd_hours", 0, new double[] {4, 0, 5, 30}))
                .isEqualTo("4 transfers between 00:00 and 05:00 sender local time in 30 days");
        assertThat(render("family_support", 0, new double[] {6, 30.25, 1.5, 1, 0.5}))
                .isEqualTo("regular family-support pattern: transfers in 6 months, median interval 30.3 days (±1.5),"
                        + " sender and payee share a surname; score lowered by 50%");
        assertThat(render("family_support", 0, new double[] {6, 30, 1.5, 0, 0.5}))
                .isEqualTo("regular family-support pattern: transfers in 6 months, median interval 30.0 days (±1.5);"
                        + " score lowered by 50%");
    }

    @Test
    void patternRules() {
        assertThat(render("recurring_small_to_cluster", 0, new double[] {5, 20, 45.5, 5, 60, 7, 0, 0.05, 0, 0, 0.3},
                "USD", "C-2"))
                .isEqualTo("5 transfers of 20.00–45.50 USD to cluster C-2 in 60 days, median interval 7.0 days");
        assertThat(render("recurring_small_to_cluster", 0, new double[] {6, 20, 45.5, 5, 60, 7, 1, 0.05, 0.4, 1, 0.3},
                "USD", "C-2"))
                .isEqualTo("6 transfers of 20.00–45.50 USD to cluster C-2 on 5 days in 60 days, median interval 7.0 days;"
                        + " a schedule-like cadence (weekly or monthly, varies by 5%), lowered by 40%;"
                        + " sender and payee share a surname or address, lowered by 30%");
        assertThat(render("low_and_slow", 0, new double[] {4, 10, 30, 40, 12, 3, 22, 4, 1, 0.4}, "USD", "C-3"))
                .isEqualTo("4 small transfers (10.00–30.00 USD) to cluster C-3 over 40.0 days, median interval 12.0 days;"
                        + " 3 of them between 22:00 and 04:00 sender local time; no shared surname or address with the payee;"
                        + " a schedule-like cadence (weekly or monthly), lowered by 40%");
        assertThat(render("cover_story", 0, new double[] {5, 4, 90, 2, 100, 14, 0, 0}, "USD", "C-4", "uniform"))
                .isEqualTo("5 transfers with cover phrases to cluster C-4 on 4 days in 90 days (2 of them round amounts,"
                        + " up to 100.00 USD, median interval 14.0 days); this one: 'uniform'; the payee is a person who"
                        + " shares no surname or address with the sender");
        assertThat(render("escalation", 0, new double[] {6, 60, 1, 20, 60, 0, 0, 3}, "USD", "C-5"))
                .isEqualTo("transfers to cluster C-5 escalated over the last 6 days of payment in 60 days:"
                        + " median amount 20.00 USD → 60.00 USD (3.0×)");
        assertThat(render("escalation", 0, new double[] {6, 60, 0, 20, 60, 864_000, 172_800, 5}, "USD", "C-5"))
                .endsWith("median interval 10.0 → 2.0 days (5.0×)");
    }

    @Test
    void readBack_isEqualToTheRulesOwn_andUnknownRulesAreRefused() {
        RuleReason own = RuleReason.of("odd_hours", OddHoursDetector::reason, new double[] {4, 0, 5, 30});
        RuleReason back = RuleReason.forRule(own.ruleId(), own.form(), own.numbers(), own.words());
        assertThat(back).isEqualTo(own).hasSameHashCodeAs(own);
        assertThat(back.text()).isEqualTo(own.text());
        assertThatThrownBy(() -> RuleReason.forRule("no_such_rule", 0, new double[0], new String[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_rule");
        assertThatThrownBy(() -> RuleReason.forRule("odd_hours", 1, new double[0], new String[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("form 1");
    }
}
