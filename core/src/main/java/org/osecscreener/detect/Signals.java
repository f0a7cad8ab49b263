package org.osecscreener.detect;

/**
 * What the payee cluster's score needs to know of one transfer, decided in the sender step where
 * the whole transaction and the sender's state are at hand, and carried to the final step as bit
 * flags (so that names, references and identifiers need not travel).
 */
public final class Signals {
    /** The sender is a person (not a business or organisation). */
    public static final int PERSON = 1;
    /** The sender is in another country than the payee. */
    public static final int FOREIGN = 1 << 1;
    /** Sender and payee share a surname or address. */
    public static final int RELATED = 1 << 2;
    /** The transfer is part of a sextortion-victim burst at ALERT level ({@code sextortion.alertPayments} or more). */
    public static final int VICTIM = 1 << 3;
    /** Small amount (at most {@code clusterRisk.smallAmount}). */
    public static final int SMALL = 1 << 4;
    /** Sent in the late hours of the sender's local time ({@code clusterRisk}'s period). */
    public static final int LATE = 1 << 5;
    /** Round amount in the sending currency. */
    public static final int ROUND = 1 << 6;
    /** The reference holds a cover phrase ({@code clusterRisk.coverLists}). */
    public static final int COVER = 1 << 7;
    /** The payee is an organisation. */
    public static final int ORG_PAYEE = 1 << 8;

    private Signals() {
    }

    /** Whether {@code signals} has {@code flag}. */
    public static boolean has(int signals, int flag) {
        return (signals & flag) != 0;
    }
}
