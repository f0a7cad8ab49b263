package org.osecscreener.detect;

import org.osecscreener.score.Hit;

/** One rule: reads an {@link Evaluation}, returns a hit or {@code null}. Immutable and thread-safe. */
interface Detector {
    /** The rule id (its type name in rule files). */
    String id();

    /** The hit on this transaction, or {@code null} if the rule does not fire. */
    Hit evaluate(Evaluation e);

    /** {@code 0.5} at {@code min}, rising linearly to {@code 1} at {@code saturation}; 0 below min. */
    static double ramp(double n, double min, double saturation) {
        if (n < min) {
            return 0;
        }
        if (saturation <= min) {
            return 1;
        }
        return Math.min(1.0, 0.5 + 0.5 * (n - min) / (saturation - min));
    }
}
