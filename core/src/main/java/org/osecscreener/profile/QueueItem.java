package org.osecscreener.profile;

import java.util.Objects;

/**
 * An open item of the analyst queue: one subject's REVIEW and ALERT outcomes grouped under one
 * alert id while they keep coming ({@code queue.periodDays} in the rule bundle).
 *
 * @param id           the alert id every outcome of the item carries
 * @param openedSecond event time of the outcome that opened it, epoch second
 * @param lastSecond   event time of its latest outcome, epoch second
 */
public record QueueItem(String id, long openedSecond, long lastSecond) {
    /** @throws NullPointerException if the id is {@code null} */
    public QueueItem {
        Objects.requireNonNull(id, "id");
    }
}
