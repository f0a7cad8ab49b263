package org.osecscreener.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed rule file: the tree plus the line and column at which every JSON pointer starts
 * (for an object member, the position of its key).
 */
record Located(JsonNode root, Map<String, int[]> positions) {
    /** The position of {@code pointer}, or of its nearest ancestor that has one; {1, 1} at worst. */
    int[] positionOf(String pointer) {
        String p = pointer;
        while (true) {
            int[] pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** The dotted path of a pointer ({@code /detectors/x/lists/0} to {@code detectors.x.lists[0]}). */
    String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        JsonNode node = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String seg = unescape(raw);
            if (node != null ? node.isArray() : seg.matches("[0-9]+")) {
                sb.append('[').append(seg).append(']');
                node = node == null ? null : node.path(parseIndex(seg));
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(seg);
                node = node == null ? null : node.get(seg);
            }
        }
        return sb.toString();
    }

    /** The detector type a pointer lies under ({@code /detectors/TYPE/...}), or {@code null}. */
    static String ruleIdOf(String pointer) {
        if (!pointer.startsWith("/detectors/")) {
            return null;
        }
        String rest = pointer.substring("/detectors/".length());
        int slash = rest.indexOf('/');
        return unescape(slash < 0 ? rest : rest.substring(0, slash));
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
