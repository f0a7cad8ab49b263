package org.osecscreener.tools.cases;

import java.util.Objects;

/**
 * One rule's hits across a case's alerts.
 *
 * @param rule          the detector type, for example {@code recurring_small_to_cluster}
 * @param alerts        how many of the case's alerts it fired on
 * @param maxSubScore   its highest sub-score, in (0, 1]
 * @param mitigating    whether it is a mitigating rule (family support)
 * @param latestReason  its reason on the latest alert it fired on
 */
public record RuleSummary(String rule, int alerts, double maxSubScore, boolean mitigating, String latestReason) {
    /** @throws NullPointerException if rule or reason is {@code null} */
    public RuleSummary {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(latestReason, "latestReason");
    }
}
