package org.osecscreener.tools.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osecscreener.model.Label;
import org.osecscreener.model.Limits;
import org.osecscreener.model.Transaction;

/**
 * Ground-truth labels kept apart from the transactions, by transaction id: the label source of
 * a backtest over input that cannot carry one (ISO 20022 pacs.008 has no such field).
 *
 * <p>The sidecar file is JSON lines, one per labelled transaction, as {@code generate --labels}
 * writes it: {@code {"id":"T-1","osec":true,"scenario":"facilitator_ring"}} ({@code scenario}
 * optional). A transaction without a line is taken as legitimate with no scenario, and counted
 * ({@link #missed()}). Not thread-safe.
 */
public final class Labels {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Label> byId;
    private long missed;

    private Labels(Map<String, Label> byId) {
        this.byId = byId;
    }

    /** Labels held in memory (tests, callers that have them). */
    public static Labels of(Map<String, Label> byId) {
        return new Labels(new HashMap<>(byId));
    }

    /**
     * Reads a sidecar file.
     *
     * @param name the file name for errors
     * @param in   the JSON lines; not closed
     * @return the labels
     * @throws IOException              if reading fails
     * @throws IllegalArgumentException listing up to 20 bad lines as {@code name:line: reason}
     */
    public static Labels read(String name, InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Label> byId = new HashMap<>();
        List<String> errors = new ArrayList<>();
        String line;
        long n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String error = null;
            try {
                JsonNode node = MAPPER.readTree(line);
                if (node == null || !node.path("id").isTextual() || !node.path("osec").isBoolean()) {
                    error = "expected {\"id\": text, \"osec\": true|false, \"scenario\": text (optional)}";
                } else if (node.path("id").asText().length() > Limits.ID) {
                    error = "id longer than " + Limits.ID + " characters";
                } else {
                    String scenario = node.path("scenario").isTextual() ? node.path("scenario").asText() : null;
                    Label prev = byId.put(node.path("id").asText(), new Label(node.path("osec").asBoolean(), scenario));
                    if (prev != null) {
                        error = "transaction id labelled twice";
                    }
                }
            } catch (JsonProcessingException e) {
                error = "not valid JSON";
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            if (error != null && errors.size() < 20) {
                errors.add(name + ":" + n + ": " + error);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid labels file:\n  " + String.join("\n  ", errors));
        }
        return new Labels(byId);
    }

    /** Writes one sidecar line for a labelled transaction (nothing for one without a label). */
    public static void write(OutputStream out, Transaction tx) throws IOException {
        if (tx.label() == null) {
            return;
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", tx.id());
        m.put("osec", tx.label().osec());
        if (tx.label().scenario() != null) {
            m.put("scenario", tx.label().scenario());
        }
        out.write(MAPPER.writeValueAsBytes(m));
        out.write('\n');
    }

    /** {@code tx} with its label from here (or none, counted in {@link #missed()}). */
    public Transaction apply(Transaction tx) {
        Label l = byId.get(tx.id());
        if (l == null) {
            missed++;
        }
        return new Transaction(tx.id(), tx.timestamp(), tx.amount(), tx.channel(), tx.purpose(), tx.sender(),
                tx.beneficiary(), l);
    }

    /** Transactions seen without a label so far. */
    public long missed() {
        return missed;
    }

    /** The number of labels. */
    public int size() {
        return byId.size();
    }
}
