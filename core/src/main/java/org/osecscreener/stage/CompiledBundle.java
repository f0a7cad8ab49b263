package org.osecscreener.stage;

import java.util.Objects;

import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleLoader;

/**
 * A bundle as the stages use it: its engine (compiled once), its retention, and its canonical JSON
 * (the form the job ships between its stages and the form two bundles are compared in), written on
 * first use.
 *
 * <p>Immutable once the canonical JSON is written; writing it twice from two threads gives the same
 * text, so sharing an instance is safe.
 */
public final class CompiledBundle {
    private final RuleBundle bundle;
    private final ScreeningEngine engine;
    private final int retentionDays;
    private final RuleBundleLoader loader;
    private volatile String canonicalJson;

    private CompiledBundle(RuleBundle bundle, RuleBundleLoader loader) {
        this.bundle = bundle;
        this.engine = ScreeningEngine.of(bundle);
        this.retentionDays = Retention.days(engine);
        this.loader = loader;
    }

    /**
     * Compiles {@code bundle}.
     *
     * @param loader writes its canonical JSON when asked for
     */
    public static CompiledBundle of(RuleBundle bundle, RuleBundleLoader loader) {
        return new CompiledBundle(Objects.requireNonNull(bundle, "bundle"), Objects.requireNonNull(loader, "loader"));
    }

    /** The bundle. */
    public RuleBundle bundle() {
        return bundle;
    }

    /** Its engine. */
    public ScreeningEngine engine() {
        return engine;
    }

    /** Its retention in days ({@link Retention#days}). */
    public int retentionDays() {
        return retentionDays;
    }

    /** Its canonical JSON ({@link RuleBundleLoader#toJson}). */
    public String canonicalJson() {
        String t = canonicalJson;
        if (t == null) {
            t = loader.toJson(bundle);
            canonicalJson = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return "CompiledBundle[" + bundle.id() + "@" + bundle.version() + "]";
    }
}
