package org.osecscreener.job;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osecscreener.detect.ScreeningEngine;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;
import org.osecscreener.stage.Retention;

/**
 * The rule bundle versions a downstream task knows, compiled once each, learnt from the bundle
 * text that travels in band on the first record of each version. The few most recent versions
 * are kept (records of an older version may still be in flight after a switch).
 */
final class Engines {
    static final int KEEP = 4;
    private final Map<Integer, ScreeningEngine> byVersion = new LinkedHashMap<>();
    private final Map<Integer, String> texts = new LinkedHashMap<>();
    private int retentionDays;

    /** Learns the bundle of {@code e} if it carries one; returns the engine for its version. */
    ScreeningEngine forRecord(Envelope e) {
        if (e.bundle != null && !byVersion.containsKey(e.version)) {
            learn(e.bundle);
        }
        ScreeningEngine engine = byVersion.get(e.version);
        if (engine == null) {
            throw new IllegalStateException("rule bundle version " + e.version + " reached this task before its text;"
                    + " known versions: " + byVersion.keySet());
        }
        return engine;
    }

    /** Compiles and remembers a canonical bundle text. */
    void learn(String canonicalJson) {
        RuleBundle b = parse(canonicalJson);
        byVersion.put(b.version(), ScreeningEngine.of(b));
        texts.put(b.version(), canonicalJson);
        while (byVersion.size() > KEEP) {
            Integer oldest = byVersion.keySet().iterator().next();
            byVersion.remove(oldest);
            texts.remove(oldest);
        }
        retentionDays = 0;
        for (ScreeningEngine e : byVersion.values()) {
            retentionDays = Math.max(retentionDays, Retention.days(e));
        }
    }

    /** The longest retention ({@link Retention#days}) among the versions known: what a sweep may forget. */
    int retentionDays() {
        return retentionDays;
    }

    /** The texts known, oldest first, for operator state. */
    List<String> texts() {
        return new ArrayList<>(texts.values());
    }

    static RuleBundle parse(String canonicalJson) {
        try {
            return new RuleBundleLoader().load("bundle.json", canonicalJson.getBytes(StandardCharsets.UTF_8));
        } catch (RuleBundleException e) {
            throw new IllegalStateException("a bundle accepted upstream failed validation here: " + e.errors(), e);
        }
    }

    /** The canonical text of a bundle, as it travels between stages. */
    static String canonical(RuleBundle b) {
        return new RuleBundleLoader().toJson(b);
    }
}
