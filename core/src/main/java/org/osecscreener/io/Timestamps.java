package org.osecscreener.io;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.osecscreener.io.TransactionCodec.Bad;

/**
 * The format's timestamps, read and written: ISO-8601 with an offset (or, with a default zone, a
 * local time read in that zone), a fast path for the common shapes and {@link DateTimeFormatter}
 * for the rest; written with seconds always, the fraction only when non-zero and {@code Z} for
 * UTC. {@link TransactionCodec#formatTimestamp(OffsetDateTime)} is the public entry for writing.
 */
final class Timestamps {
    private Timestamps() {
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} takes a fast path; anything else goes to
     * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}. A timestamp without an offset is rejected.
     */
    static OffsetDateTime timestamp(String s) throws Bad {
        int n = s.length();
        try {
            if (n >= 20 && s.charAt(4) == '-' && s.charAt(7) == '-' && (s.charAt(10) == 'T' || s.charAt(10) == 't')
                    && s.charAt(13) == ':' && s.charAt(16) == ':') {
                int year = digits(s, 0, 4);
                int month = digits(s, 5, 2);
                int day = digits(s, 8, 2);
                int hour = digits(s, 11, 2);
                int minute = digits(s, 14, 2);
                int second = digits(s, 17, 2);
                int i = 19;
                int nano = 0;
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    int start = i;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                    int len = i - start;
                    if (len == 0 || len > 9) {
                        return timestampSlow(s);
                    }
                    nano = digits(s, start, len);
                    for (int k = len; k < 9; k++) {
                        nano *= 10;
                    }
                }
                ZoneOffset offset;
                if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
                    offset = ZoneOffset.UTC;
                } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
                    int oh = digits(s, i + 1, 2);
                    int om = digits(s, i + 4, 2);
                    if (oh < 0 || om < 0) {
                        return timestampSlow(s);
                    }
                    int total = oh * 3600 + om * 60;
                    offset = offset(s.charAt(i) == '-' ? -total : total);
                } else {
                    return timestampSlow(s);
                }
                if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
                    return timestampSlow(s);
                }
                return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
            }
            return timestampSlow(s);
        } catch (DateTimeException e) {
            throw new Bad("timestamp", "'" + s + "' is not a valid date and time: " + e.getMessage());
        }
    }

    /** As {@link #timestamp(String)}, reading a date-time without an offset in {@code zone}. */
    static OffsetDateTime timestamp(String s, java.time.ZoneId zone) throws Bad {
        try {
            return timestamp(s);
        } catch (Bad noOffset) {
            java.time.LocalDateTime local;
            try {
                local = java.time.LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException e) {
                throw noOffset;
            }
            try {
                return LocalTimes.inZone(local, zone);
            } catch (DateTimeException e) {
                throw new Bad("timestamp", "'" + s + "' has no offset and " + e.getMessage());
            }
        }
    }

    /** Offsets on a quarter hour from -18:00 to +18:00, the ones real zones use: no lookup in ZoneOffset's shared map. */
    private static final ZoneOffset[] QUARTER_HOURS = new ZoneOffset[145];

    static {
        for (int q = 0; q < QUARTER_HOURS.length; q++) {
            QUARTER_HOURS[q] = ZoneOffset.ofTotalSeconds((q - 72) * 900);
        }
    }

    /** {@link ZoneOffset#ofTotalSeconds}, from a table for quarter hours. */
    private static ZoneOffset offset(int totalSeconds) {
        if (totalSeconds % 900 == 0 && totalSeconds >= -64_800 && totalSeconds <= 64_800) {
            return QUARTER_HOURS[totalSeconds / 900 + 72];
        }
        return ZoneOffset.ofTotalSeconds(totalSeconds);
    }

    private static OffsetDateTime timestampSlow(String s) throws Bad {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.parse(s);
                throw new Bad("timestamp", "'" + s + "' has no offset; write it as ISO-8601 with an offset or Z,"
                        + " for example 2026-03-01T22:15:00+10:00, or name the zone of such times with --default-zone"
                        + " (docs/time-and-order.md)");
            } catch (DateTimeParseException ignored) {
                throw new Bad("timestamp", "'" + s + "' is not an ISO-8601 date-time with an offset,"
                        + " for example 2026-03-01T22:15:00+10:00 or 2026-03-01T12:15:00Z");
            }
        }
    }

    /** Decimal digits at {@code s[from, from+len)}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from, end = from + len; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Formats a timestamp as the format writes it: ISO-8601 with seconds always, the fraction only
     * when non-zero, and the offset ({@code Z} for UTC).
     */
    static String formatTimestamp(OffsetDateTime t) {
        char[] buf = new char[40];
        int n = formatTimestamp(t, buf);
        return n < 0 ? t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) : new String(buf, 0, n);
    }

    static void writeTimestamp(OffsetDateTime t, JsonGenerator g) throws IOException {
        char[] buf = new char[40];
        int n = formatTimestamp(t, buf);
        if (n < 0) {
            g.writeString(t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else {
            g.writeString(buf, 0, n);
        }
    }

    /** Writes into {@code buf}; returns the length, or -1 for years outside 0000–9999. */
    static int formatTimestamp(OffsetDateTime t, char[] buf) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return -1;
        }
        int i = 0;
        i = put(buf, i, year, 4);
        buf[i++] = '-';
        i = put(buf, i, t.getMonthValue(), 2);
        buf[i++] = '-';
        i = put(buf, i, t.getDayOfMonth(), 2);
        buf[i++] = 'T';
        i = put(buf, i, t.getHour(), 2);
        buf[i++] = ':';
        i = put(buf, i, t.getMinute(), 2);
        buf[i++] = ':';
        i = put(buf, i, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            buf[i++] = '.';
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            i = put(buf, i, nano, digits);
        }
        int off = t.getOffset().getTotalSeconds();
        if (off == 0) {
            buf[i++] = 'Z';
        } else {
            buf[i++] = off < 0 ? '-' : '+';
            off = Math.abs(off);
            i = put(buf, i, off / 3600, 2);
            buf[i++] = ':';
            i = put(buf, i, (off / 60) % 60, 2);
            if (off % 60 != 0) {
                buf[i++] = ':';
                i = put(buf, i, off % 60, 2);
            }
        }
        return i;
    }

    private static int put(char[] buf, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            buf[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
