package org.osecscreener.tools.iso20022;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaf values of one {@code CdtTrfTxInf}, keyed by their path below it
 * ({@code Dbtr/PstlAdr/Ctry}; attributes as {@code IntrBkSttlmAmt@Ccy}), in document order.
 * Bounded by the reader's element limit. Not thread-safe.
 */
final class TxFields {
    /** One element's text and where it was. */
    record Leaf(String text, long line) {
    }

    final int index;
    final long line;
    int elements;
    String error;
    String errorRel = "";
    long errorLine;
    private final Map<String, List<Leaf>> leaves = new LinkedHashMap<>();

    TxFields(int index, long line) {
        this.index = index;
        this.line = line;
    }

    void add(String rel, String text, long line) {
        if (error != null) {
            return;
        }
        leaves.computeIfAbsent(rel, k -> new ArrayList<>(1)).add(new Leaf(text, line));
    }

    void fail(long line, String rel, String reason) {
        error = reason;
        errorRel = rel;
        errorLine = line;
    }

    /** Every value at {@code rel}, in document order; empty when absent. */
    List<Leaf> all(String rel) {
        return leaves.getOrDefault(rel, List.of());
    }

    /** Whether any leaf lies at or below {@code rel}. */
    boolean hasUnder(String rel) {
        String prefix = rel + "/";
        for (String k : leaves.keySet()) {
            if (k.equals(rel) || k.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A short text of the values read, for a rejection's {@code raw}: {@code path=value; ...}. */
    String snippet() {
        StringBuilder sb = new StringBuilder(256).append("CdtTrfTxInf[").append(index).append("] ");
        for (Map.Entry<String, List<Leaf>> e : leaves.entrySet()) {
            for (Leaf l : e.getValue()) {
                if (sb.length() > 600) {
                    return sb.toString();
                }
                sb.append(e.getKey()).append('=').append(l.text()).append("; ");
            }
        }
        return sb.toString().strip();
    }
}
