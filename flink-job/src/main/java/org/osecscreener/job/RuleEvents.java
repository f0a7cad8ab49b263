package org.osecscreener.job;

import java.util.List;

import org.osecscreener.rules.RuleBundle;

/** The control-stream outcome events (JSON lines): a bundle accepted, or rejected with its errors. */
final class RuleEvents {
    private RuleEvents() {
    }

    static String accepted(String name, RuleBundle now, RuleBundle before) {
        return "{\"event\":\"accepted\",\"source\":\"" + esc(name) + "\",\"bundle\":\"" + esc(now.id()) + "@" + now.version()
                + "\",\"replaces\":\"" + esc(before.id()) + "@" + before.version() + "\"}";
    }

    static String rejected(String name, RuleBundle running, List<String> errors) {
        StringBuilder sb = new StringBuilder("{\"event\":\"rejected\",\"source\":\"").append(esc(name))
                .append("\",\"running\":\"").append(esc(running.id())).append('@').append(running.version())
                .append("\",\"errors\":[");
        for (int i = 0; i < errors.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(esc(errors.get(i))).append('"');
        }
        return sb.append("]}").toString();
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
