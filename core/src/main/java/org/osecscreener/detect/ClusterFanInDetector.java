package org.osecscreener.detect;

import java.util.List;
import java.util.Set;

import org.osecscreener.model.PartyType;
import org.osecscreener.rules.ClusterFanInConfig;
import org.osecscreener.score.Hit;

/**
 * Indicator 2: M or more distinct senders, from D or more sender countries, paid one payee
 * cluster within a window. An ORGANIZATION beneficiary on the allow list (a registered charity)
 * is mitigated by {@code allowListMitigation}.
 */
final class ClusterFanInDetector implements Detector {
    private final ClusterFanInConfig c;
    private final Set<String> allow;

    ClusterFanInDetector(ClusterFanInConfig c, Set<String> allow) {
        this.c = c;
        this.allow = allow;
    }

    @Override
    public String id() {
        return ClusterFanInConfig.TYPE;
    }

    @Override
    public Hit evaluate(Evaluation e) {
        int m = e.view.fanInSenders();
        int d = e.view.fanInCountries();
        if (m < c.minSenders() || d < c.minSenderCountries()) {
            return null;
        }
        double s = Detector.ramp(m, c.minSenders(), c.saturationSenders());
        boolean allowed = e.tx.beneficiary().type() == PartyType.ORGANIZATION
                && (allow.contains(e.tx.beneficiary().id()) || allow.contains(e.view.clusterId()));
        if (allowed) {
            s *= 1 - c.allowListMitigation();
        }
        if (s <= 0) {
            return null;
        }
        String cluster = e.view.clusterId();
        return new Hit(id(), s, c.weight(), false,
                RuleReason.of(id(), ClusterFanInDetector::reason,
                        new double[] {m, d, c.windowDays(), allowed ? 1 : 0, c.allowListMitigation()}, cluster),
                List.of(e.tx.id()));
    }

    /** Numbers: senders, countries, window days, allow-listed (1/0), its mitigation; words: the cluster. */
    static String reason(double[] n, String[] w) {
        return (int) n[0] + " distinct senders from " + (int) n[1] + " countries paid cluster " + w[0] + " in "
                + (int) n[2] + " days"
                + (n[3] != 0 ? "; allow-listed organisation, mitigated by " + Fmt.pct(n[4]) : "");
    }
}
