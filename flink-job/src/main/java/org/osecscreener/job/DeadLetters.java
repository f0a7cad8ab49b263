package org.osecscreener.job;

import org.osecscreener.io.Rejection;
import org.osecscreener.io.RejectionWriter;

/** Dead-letter lines: the core's rejection format with the record's origin added. */
final class DeadLetters {
    private DeadLetters() {
    }

    static String json(String origin, Rejection r) {
        String line = RejectionWriter.toJson(r);
        return "{\"origin\":\"" + escape(origin) + "\"," + line.substring(1);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
