package org.osecscreener.score;

/**
 * What an assessment is about.
 *
 * <ul>
 *   <li>{@link #TRANSACTION}: one screened transaction, scored by the OSEC rules (the offender
 *       side).</li>
 *   <li>{@link #LOOK_BACK}: a sender re-assessed because a payee cluster it paid reached ALERT: it
 *       names the cluster alert ({@code clusterAlertId}) and carries the sender's own transfers to
 *       the cluster as evidence; its transaction is the sender's latest transfer to the cluster.</li>
 *   <li>{@link #SEXTORTION_VICTIM}: the victim side: the customer (the sender) may be the victim of
 *       sextortion. Never part of the OSEC score.</li>
 * </ul>
 */
public enum AssessmentKind {
    /** A screened transaction (OSEC score). */
    TRANSACTION,
    /** A sender alerted by a payee cluster's ALERT, for its earlier transfers to the cluster. */
    LOOK_BACK,
    /** A possible sextortion victim (the customer), never mixed with OSEC scoring. */
    SEXTORTION_VICTIM;

    /** The name in the alert format ({@code transaction}, {@code look_back}, {@code sextortion_victim}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind of a wire name. */
    public static AssessmentKind ofWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
