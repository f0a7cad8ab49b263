package org.osecscreener.findings;

import java.util.Locale;

/** The side of a transfer a party was on: who paid, or who was paid. */
public enum Role {
    /** The party who paid. */
    SENDER,
    /** The party who was paid (a payee cluster member). */
    BENEFICIARY;

    /** {@code sender} or {@code beneficiary}, as in files and reasons. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
