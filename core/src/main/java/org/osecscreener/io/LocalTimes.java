package org.osecscreener.io;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Date-times written without an offset ({@code 2026-03-01T22:15:00}), read in a zone the operator
 * names: the readers accept them only when a default zone is configured (the {@code --default-zone}
 * option; {@link TransactionCodec#withDefaultZone}, {@link org.osecscreener.tools.iso20022.Pacs008Reader}),
 * and never guess. A local time that does not exist in the zone (skipped when clocks move forward)
 * or that exists twice (repeated when clocks move back) is rejected rather than resolved either
 * way (docs/time-and-order.md).
 */
public final class LocalTimes {
    private LocalTimes() {
    }

    /** What the options accept, for messages. */
    public static final String ACCEPTED = "an IANA time zone such as Asia/Manila or Australia/Sydney, or an offset such as"
            + " +08:00 or Z";

    /**
     * Reads a zone as given on a command line: an IANA region id ({@code Asia/Manila}), an offset
     * ({@code +08:00}, {@code Z}) or {@code UTC}.
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static ZoneId parseZone(String text) {
        String t = text == null ? "" : text.strip();
        try {
            return ZoneId.of(t);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time zone: give " + ACCEPTED);
        }
    }

    /**
     * The instant of {@code local} in {@code zone}.
     *
     * @throws DateTimeException when the local time does not exist in the zone or exists twice there;
     *                           the message says which and asks for an offset
     */
    public static OffsetDateTime inZone(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return OffsetDateTime.of(local, offsets.get(0));
        }
        ZoneOffsetTransition tr = rules.getTransition(local);
        if (offsets.isEmpty()) {
            throw new DateTimeException("does not exist in " + zone.getId() + " (the clocks moved forward from "
                    + tr.getOffsetBefore() + " to " + tr.getOffsetAfter() + " at " + tr.getDateTimeBefore()
                    + "); write it with an offset");
        }
        throw new DateTimeException("happens twice in " + zone.getId() + " (the clocks moved back from "
                + tr.getOffsetBefore() + " to " + tr.getOffsetAfter() + " at " + tr.getDateTimeBefore()
                + "), so its instant is ambiguous; write it with an offset");
    }
}
