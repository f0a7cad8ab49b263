package org.osecscreener.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The execution plan of a job as Flink builds it from the operators wired on an environment,
 * without running it: every operator with its parallelism and the ship strategy of each of its
 * inputs ({@code run --explain}).
 *
 * <p>The JSON is Flink's own ({@link StreamExecutionEnvironment#getExecutionPlan()}, which is
 * {@code getStreamGraph(false).getStreamingPlanAsJSON()}), generated once from one stream graph,
 * with two fields added to each node from the same graph: {@code uid} (the operator's fixed uid,
 * when it has one) and {@code max_parallelism} (when it is set; otherwise Flink chooses it when the
 * job starts). {@link #operators()} and {@link #table()} are read back from that JSON, so the table
 * and the JSON cannot disagree.
 */
public final class ExecutionPlan {
    /** Field added to each node of Flink's plan: the operator's uid. */
    public static final String UID = "uid";
    /** Field added to each node of Flink's plan: the operator's max parallelism, when set. */
    public static final String MAX_PARALLELISM = "max_parallelism";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * An input of an operator.
     *
     * @param id           the id of the operator it comes from
     * @param shipStrategy how records are sent: {@code FORWARD}, {@code HASH}, {@code BROADCAST},
     *                     {@code REBALANCE}, ... (Flink's partitioner name)
     */
    public record Input(int id, String shipStrategy) {
        public Input {
            Objects.requireNonNull(shipStrategy, "shipStrategy");
        }
    }

    /**
     * One operator of the plan (a node of Flink's stream graph, before operators are chained into tasks).
     *
     * @param id             its id in the plan
     * @param name           its name
     * @param kind           {@code Data Source}, {@code Operator} or {@code Data Sink}
     * @param uid            its uid, or null when it has none
     * @param parallelism    its parallelism
     * @param maxParallelism its max parallelism, or 0 when not set (Flink chooses it when the job starts)
     * @param inputs         where its records come from, in order; empty for a source
     */
    public record Operator(int id, String name, String kind, String uid, int parallelism, int maxParallelism,
                           List<Input> inputs) {
        public Operator {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            inputs = List.copyOf(inputs);
        }
    }

    private final String json;
    private final List<Operator> operators;

    private ExecutionPlan(String json, List<Operator> operators) {
        this.json = json;
        this.operators = List.copyOf(operators);
    }

    /**
     * The plan of what is wired on {@code env}. Nothing runs, nothing connects; the environment's
     * transformations are kept (it could still be executed).
     */
    public static ExecutionPlan of(StreamExecutionEnvironment env) {
        StreamGraph graph = env.getStreamGraph(false);
        ObjectNode plan;
        try {
            plan = (ObjectNode) MAPPER.readTree(graph.getStreamingPlanAsJSON());
        } catch (IOException e) {
            throw new UncheckedIOException("Flink's execution plan is not JSON", e);
        }
        addFields(plan.path("nodes"), graph);
        return parse(plan.toPrettyString());
    }

    /** Adds uid and max parallelism to each node (and to the steps of an iteration, should there be one). */
    private static void addFields(JsonNode nodes, StreamGraph graph) {
        for (JsonNode n : nodes) {
            if (n instanceof ObjectNode node && n.path("id").isInt()) {
                StreamNode vertex = graph.getStreamNode(n.path("id").asInt());
                if (vertex != null) {
                    if (vertex.getTransformationUID() != null) {
                        node.put(UID, vertex.getTransformationUID());
                    }
                    if (vertex.getMaxParallelism() > 0) {
                        node.put(MAX_PARALLELISM, vertex.getMaxParallelism());
                    }
                }
                addFields(n.path("step_function"), graph);
            }
        }
    }

    /**
     * Reads a plan back from its JSON ({@link #json()}, or Flink's own without the added fields).
     *
     * @throws IllegalArgumentException if it is not JSON or has no {@code nodes} array
     */
    public static ExecutionPlan parse(String json) {
        JsonNode plan;
        try {
            plan = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON execution plan: " + e.getMessage(), e);
        }
        if (plan == null || !plan.path("nodes").isArray()) {
            throw new IllegalArgumentException("not a JSON execution plan: no \"nodes\" array");
        }
        List<Operator> operators = new ArrayList<>();
        collect((ArrayNode) plan.path("nodes"), operators);
        return new ExecutionPlan(json, operators);
    }

    private static void collect(ArrayNode nodes, List<Operator> into) {
        for (JsonNode n : nodes) {
            if (n.has("step_function")) { // a stream iteration (the job has none): its steps are the operators
                collect((ArrayNode) n.path("step_function"), into);
                continue;
            }
            List<Input> inputs = new ArrayList<>();
            for (JsonNode p : n.path("predecessors")) {
                inputs.add(new Input(p.path("id").asInt(), p.path("ship_strategy").asText("?")));
            }
            into.add(new Operator(n.path("id").asInt(), n.path("type").asText(""), n.path("pact").asText(""),
                    n.hasNonNull(UID) ? n.path(UID).asText() : null, n.path("parallelism").asInt(),
                    n.path(MAX_PARALLELISM).asInt(0), inputs));
        }
    }

    /** The plan as JSON: Flink's, with {@code uid} and {@code max_parallelism} added to each node. */
    public String json() {
        return json;
    }

    /** The operators, in the plan's order (by id, sinks last). */
    public List<Operator> operators() {
        return operators;
    }

    /** The operator with uid {@code uid}, if there is one. */
    public Optional<Operator> operator(String uid) {
        return operators.stream().filter(o -> uid.equals(o.uid())).findFirst();
    }

    /**
     * The plan as a table: one line per operator with its id, parallelism, max parallelism ({@code -}
     * when not set), uid ({@code -} when none), name, and inputs as {@code ID STRATEGY}.
     */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "parallelism", "max", "uid", "operator", "inputs (id ship-strategy)"});
        for (Operator o : operators) {
            List<String> in = new ArrayList<>();
            for (Input i : o.inputs()) {
                in.add(i.id() + " " + i.shipStrategy());
            }
            rows.add(new String[] {Integer.toString(o.id()), Integer.toString(o.parallelism()),
                    o.maxParallelism() > 0 ? Integer.toString(o.maxParallelism()) : "-",
                    o.uid() == null ? "-" : o.uid(), o.name(), in.isEmpty() ? "-" : String.join(", ", in)});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.length; c++) {
                boolean number = c <= 2;
                String cell = c == r.length - 1 ? r[c]
                        : String.format(Locale.ROOT, "%" + (number ? "" : "-") + width[c] + "s", r[c]);
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }
}
