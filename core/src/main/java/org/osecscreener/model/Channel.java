package org.osecscreener.model;

/** How the transfer was initiated or paid out. Optional in the input. */
public enum Channel {
    ONLINE, AGENT, MOBILE_WALLET, BANK, CARD, CRYPTO, OTHER
}
