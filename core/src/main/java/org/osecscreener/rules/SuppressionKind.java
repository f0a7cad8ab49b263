package org.osecscreener.rules;

/** What a {@link Suppression} silences. */
public enum SuppressionKind {
    /** A sending party id. */
    SENDER,
    /** A beneficiary party id. */
    BENEFICIARY,
    /** A payee cluster id. */
    CLUSTER
}
