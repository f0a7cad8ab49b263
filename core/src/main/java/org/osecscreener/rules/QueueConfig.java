package org.osecscreener.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code queue} section: how REVIEW and ALERT outcomes become items an analyst works.
 *
 * <p>An item belongs to one subject (a sender for OSEC alerts, a sender for sextortion-victim
 * alerts, a payee cluster for cluster alerts) and stays open while new REVIEW or ALERT outcomes
 * of that subject keep coming: each one joins the open item (same alert id) unless the item has
 * had no update for {@code periodDays}, in which case the next outcome opens a new item. So a
 * subject has at most one open item at a time, and at most one new item per {@code periodDays}.
 *
 * @param periodDays days without an update after which an item is closed, 1..366; default 30
 */
public record QueueConfig(int periodDays) {
    /** Default of {@code periodDays}. */
    public static final int DEFAULT_PERIOD_DAYS = 30;
    /** The queue of a bundle without a {@code queue} section. */
    public static final QueueConfig DEFAULT = new QueueConfig(DEFAULT_PERIOD_DAYS);

    /** @throws IllegalArgumentException if the period is outside 1..366 */
    public QueueConfig {
        Check.window("queue.periodDays", periodDays);
    }

    @JsonCreator
    static QueueConfig fromJson(@JsonProperty("periodDays") Integer periodDays) {
        return new QueueConfig(periodDays == null ? DEFAULT_PERIOD_DAYS : periodDays);
    }
}
