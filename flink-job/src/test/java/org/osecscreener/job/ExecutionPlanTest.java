package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** {@link ExecutionPlan}: read from Flink's JSON plan, with or without the fields it adds, and as a table. */
class ExecutionPlanTest {
    /** A plan as Flink 2.2 writes it: no uid, no max parallelism. */
    static final String FLINK_PLAN = """
            {"nodes":[
              {"id":1,"type":"Source: numbers","pact":"Data Source","contents":"Source: numbers","parallelism":1},
              {"id":2,"type":"double","pact":"Operator","contents":"double","parallelism":4,
               "predecessors":[{"id":1,"ship_strategy":"REBALANCE","side":"second"}]}
            ]}""";

    @Test
    void flinksOwnPlan_hasNoUidOrMaxParallelism_andTheTableSaysSo() {
        ExecutionPlan plan = ExecutionPlan.parse(FLINK_PLAN);
        assertThat(plan.operators()).containsExactly(
                new ExecutionPlan.Operator(1, "Source: numbers", "Data Source", null, 1, 0, List.of()),
                new ExecutionPlan.Operator(2, "double", "Operator", null, 4, 0,
                        List.of(new ExecutionPlan.Input(1, "REBALANCE"))));
        assertThat(plan.json()).isEqualTo(FLINK_PLAN);
        assertThat(plan.table()).isEqualTo("""
                id  parallelism  max  uid  operator         inputs (id ship-strategy)
                 1            1    -  -    Source: numbers  -
                 2            4    -  -    double           1 REBALANCE
                """);
    }

    @Test
    void ofAnEnvironment_addsUidAndMaxParallelism_fromTheSameGraph() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(1, 2, 3).uid("numbers").name("numbers")
                .keyBy(i -> i % 2, Types.INT).map(i -> i * 2, Types.INT).uid("double").name("double")
                .setParallelism(3).setMaxParallelism(16)
                .print().uid("print").setParallelism(1);
        ExecutionPlan plan = ExecutionPlan.of(env);
        ExecutionPlan.Operator doubled = plan.operator("double").orElseThrow();
        assertThat(doubled.parallelism()).isEqualTo(3);
        assertThat(doubled.maxParallelism()).isEqualTo(16);
        assertThat(doubled.inputs()).extracting(ExecutionPlan.Input::shipStrategy).containsExactly("HASH");
        assertThat(doubled.inputs().get(0).id()).isEqualTo(plan.operator("numbers").orElseThrow().id());
        assertThat(plan.operator("print").orElseThrow().inputs()).containsExactly(new ExecutionPlan.Input(doubled.id(), "REBALANCE"));
        assertThat(plan.json()).contains("\"uid\" : \"double\"").contains("\"max_parallelism\" : 16");
        assertThat(ExecutionPlan.parse(plan.json()).operators()).isEqualTo(plan.operators());
        assertThat(ExecutionPlan.of(env).operators()).as("nothing was cleared from the environment")
                .extracting(ExecutionPlan.Operator::uid, ExecutionPlan.Operator::parallelism)
                .isEqualTo(plan.operators().stream().map(o -> org.assertj.core.groups.Tuple.tuple(o.uid(), o.parallelism())).toList());
    }

    @Test
    void notAPlan_isRefused() {
        assertThatThrownBy(() -> ExecutionPlan.parse("{\"nodes\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExecutionPlan.parse("{\"operators\":[]}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"nodes\"");
    }
}
