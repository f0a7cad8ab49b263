package org.osecscreener.score;

/** The outcome level of an assessment, in increasing order of concern. */
public enum Level {
    /** Nothing for an analyst. */
    NONE,
    /** Worth a look: score at or above the bundle's review threshold. */
    REVIEW,
    /**
     * Score at or above the alert threshold with at least the bundle's minimum number of distinct
     * positive indicators: goes to a trained analyst, never to an automatic off-boarding.
     */
    ALERT;

    /** Whether this level is at least {@code other}. */
    public boolean atLeast(Level other) {
        return compareTo(other) >= 0;
    }
}
