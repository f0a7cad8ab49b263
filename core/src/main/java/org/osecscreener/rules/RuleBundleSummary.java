package org.osecscreener.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Human-readable summaries of a rule bundle and of its validation errors, as printed by the
 * {@code validate-rules} command. Stateless and thread-safe.
 *
 * <p>Thresholds are printed: the summary is for the operators who own the file, never for
 * customers (tipping-off).
 */
public final class RuleBundleSummary {
    private RuleBundleSummary() {
    }

    /**
     * Summarises a valid bundle: id, version, approval, effective date, enabled detectors with
     * their weights, thresholds.
     *
     * @param bundle the bundle
     * @return several lines, ending with a line break
     */
    public static String describe(RuleBundle bundle) {
        List<String> enabled = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (DetectorConfig c : bundle.detectors().present()) {
            if (c.enabled()) {
                enabled.add(c.type() + " (" + strength(c) + ")");
            } else {
                disabled.add(c.type());
            }
        }
        Scoring s = bundle.scoring();
        StringBuilder sb = new StringBuilder();
        sb.append("rule bundle ").append(bundle.id()).append(" version ").append(bundle.version())
                .append(" is valid\n");
        line(sb, "approved by", bundle.approvedBy());
        line(sb, "effective from", bundle.effectiveFrom().toString());
        line(sb, "base currency", bundle.baseCurrency().getCurrencyCode() + " (" + bundle.fxRates().size()
                + " other currencies rated)");
        line(sb, "detectors", enabled.size() + " enabled: " + String.join(", ", enabled));
        if (!disabled.isEmpty()) {
            line(sb, "disabled", String.join(", ", disabled));
        }
        line(sb, "thresholds", "review at " + fmt(s.review()) + ", alert at " + fmt(s.alert())
                + " with at least " + s.minIndicatorsForAlert() + " indicators"
                + (s.contextRules().isEmpty() ? "" : "; context rules (never a level alone): " + String.join(", ", s.contextRules())));
        ClusterRiskConfig cr = bundle.clusterRisk();
        line(sb, "payee clusters", cr.enabled() ? "scored over " + cr.windowDays() + " days from " + cr.minSenders()
                + " unrelated senders; review at " + fmt(cr.review()) + ", alert at " + fmt(cr.alert()) + " with "
                + cr.minPatternsForAlert() + " pattern facets; look-back " + cr.lookBackDays() + " days" : "not scored");
        line(sb, "sextortion", bundle.screensSextortion() ? "victim-side alerts for bursts to "
                + String.join(", ", bundle.sextortion().jurisdictions()) + " within " + bundle.sextortion().windowHours()
                + " hours" : "not screened");
        line(sb, "queue", "items close after " + bundle.queue().periodDays() + " days without an update");
        line(sb, "longest window", bundle.longestWindowDays() + " days");
        line(sb, "suppressions", String.valueOf(bundle.suppressions().size()));
        return sb.toString();
    }

    /**
     * Lists validation errors, one per line, after a count.
     *
     * @param errors the errors, e.g. {@link RuleBundleException#errors()}
     * @return several lines, ending with a line break
     */
    public static String describe(List<ValidationError> errors) {
        StringBuilder sb = new StringBuilder();
        sb.append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        if (!errors.isEmpty()) {
            sb.append(" in ").append(errors.get(0).file());
        }
        sb.append('\n');
        for (ValidationError e : errors) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    private static String strength(DetectorConfig c) {
        if (c instanceof FamilySupportConfig f) {
            return "mitigation " + fmt(f.mitigation());
        }
        return "weight " + fmt(weightOf(c));
    }

    private static double weightOf(DetectorConfig c) {
        if (c instanceof SmallAmountConfig x) {
            return x.weight();
        } else if (c instanceof CorridorRiskConfig x) {
            return x.weight();
        } else if (c instanceof RecurringSmallToClusterConfig x) {
            return x.weight();
        } else if (c instanceof SenderFanOutConfig x) {
            return x.weight();
        } else if (c instanceof ClusterFanInConfig x) {
            return x.weight();
        } else if (c instanceof NewRelationshipConfig x) {
            return x.weight();
        } else if (c instanceof EscalationConfig x) {
            return x.weight();
        } else if (c instanceof OddHoursConfig x) {
            return x.weight();
        } else if (c instanceof CoverKeywordsConfig x) {
            return x.weight();
        } else if (c instanceof RoundAmountConfig x) {
            return x.weight();
        } else if (c instanceof LinkedToAlertedConfig x) {
            return x.weight();
        } else if (c instanceof WatchlistMatchConfig x) {
            return x.weight();
        } else if (c instanceof LowAndSlowConfig x) {
            return x.weight();
        } else if (c instanceof CoverStoryConfig x) {
            return x.weight();
        }
        throw new IllegalStateException("no weight for " + c.type());
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-15s %s%n", label + ":", value));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%s", d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d));
    }
}
