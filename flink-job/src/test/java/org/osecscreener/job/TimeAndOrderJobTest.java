package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Level;

/** The documented outcome of each clock and order case in the Flink job's stages (docs/time-and-order.md). */
class TimeAndOrderJobTest {
    static Transaction at(Transaction t, String id, OffsetDateTime when) {
        return new Transaction(id, when, t.amount(), t.channel(), t.purpose(), t.sender(), t.beneficiary(), null);
    }

    static List<String> deadLetters(java.util.Queue<StreamRecord<String>> side) {
        List<String> out = new ArrayList<>();
        if (side != null) {
            side.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    @Test
    void parseStage_farFuture_isDeadLetteredOnTimestamp_withTheRecord_othersPass() throws Exception {
        Transaction t = JobTestSupport.sample().get(0);
        var h = ProcessFunctionTestHarnesses.forProcessFunction(new ParseFunction(ClusterConfig.defaults(), false,
                new IngestSettings(null, false, Duration.ofDays(1))));
        try (h) {
            h.processElement(new RawRecord("file", 1, JobTestSupport.json(at(t, "T-2999", t.timestamp().withYear(2999)))), 0);
            h.processElement(new RawRecord("file", 2, JobTestSupport.json(t)), 0);
            assertThat(h.extractOutputValues()).hasSize(1);
            assertThat(deadLetters(h.getSideOutput(ParseFunction.DEAD_LETTER))).singleElement().asString()
                    .contains("\"line\":1").contains("\"field\":\"timestamp\"").contains("after the current time")
                    .contains("T-2999");
        }
    }

    @Test
    void parseStage_localDateTimes_deadLetteredWithoutADefaultZone_readInItWithOne_jsonAndPacs008() throws Exception {
        String json = "{\"id\":\"T-LOCAL\",\"timestamp\":\"2026-03-01T22:15:00\",\"amount\":\"45.00\",\"currency\":\"AUD\","
                + "\"sender\":{\"id\":\"S-1\",\"country\":\"AU\"},\"beneficiary\":{\"id\":\"B-1\",\"country\":\"PH\"}}";
        String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08\"><FIToFICstmrCdtTrf>"
                + "<GrpHdr><MsgId>G</MsgId><CreDtTm>2026-03-01T23:00:00</CreDtTm><NbOfTxs>1</NbOfTxs></GrpHdr>"
                + "<CdtTrfTxInf><PmtId><EndToEndId>E-LOCAL</EndToEndId></PmtId><IntrBkSttlmAmt Ccy=\"AUD\">45.00</IntrBkSttlmAmt>"
                + "<AccptncDtTm>2026-03-01T22:15:00</AccptncDtTm><Dbtr><Nm>A</Nm><PstlAdr><Ctry>AU</Ctry></PstlAdr></Dbtr>"
                + "<Cdtr><Nm>B</Nm><PstlAdr><Ctry>PH</Ctry></PstlAdr></Cdtr></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";
        long manila = OffsetDateTime.of(2026, 3, 1, 22, 15, 0, 0, ZoneOffset.ofHours(8)).toInstant().toEpochMilli();
        for (boolean pacs008 : new boolean[] {false, true}) {
            String record = pacs008 ? xml : json;
            var without = ProcessFunctionTestHarnesses.forProcessFunction(new ParseFunction(ClusterConfig.defaults(), pacs008,
                    IngestSettings.NONE));
            try (without) {
                without.processElement(new RawRecord("file", 1, record), 0);
                assertThat(without.extractOutputValues()).isEmpty();
                assertThat(deadLetters(without.getSideOutput(ParseFunction.DEAD_LETTER))).singleElement().asString()
                        .contains("has no offset").contains("--default-zone");
            }
            var with = ProcessFunctionTestHarnesses.forProcessFunction(new ParseFunction(ClusterConfig.defaults(), pacs008,
                    new IngestSettings(null, false, null, java.time.ZoneId.of("Asia/Manila"))));
            try (with) {
                with.processElement(new RawRecord("file", 1, record), 0);
                assertThat(with.extractOutputValues()).singleElement().satisfies(e -> assertThat(e.time).isEqualTo(manila));
                assertThat(deadLetters(with.getSideOutput(ParseFunction.DEAD_LETTER))).isEmpty();
            }
        }
    }

    @Test
    void clusterStage_tooOld_isDeadLettered_andChangesNothing_duplicatesStillDropped() throws Exception {
        List<Transaction> txs = JobTestSupport.sample().subList(0, 10);
        // the shipped pack effective a year earlier, so that the old day has rules in effect
        try (var h = OperatorHarnessTest.clusterStage(JobTestSupport.defaultPack(1, "2025-01-01"))) {
            for (int i = 0; i < txs.size(); i++) {
                h.processElement(OperatorHarnessTest.parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
            }
            int retention = OperatorHarnessTest.V1.longestWindowDays() + 1;
            Transaction latest = txs.stream().max(java.util.Comparator.comparing(Transaction::epochMillis)).orElseThrow();
            Transaction old = at(latest, "T-OLD", latest.timestamp().minusDays(retention + 1));
            Transaction inside = at(latest, "T-INSIDE", latest.timestamp().minusDays(retention - 1));
            h.processElement(OperatorHarnessTest.parsed(old, 11), old.epochMillis());
            h.processElement(OperatorHarnessTest.parsed(inside, 12), inside.epochMillis());
            h.processElement(OperatorHarnessTest.parsed(txs.get(2), 13), txs.get(2).epochMillis()); // duplicate
            List<Envelope> out = h.extractOutputValues();
            assertThat(out).hasSize(11);
            assertThat(deadLetters(h.getSideOutput(ParseFunction.DEAD_LETTER))).singleElement().asString()
                    .contains("\"origin\":\"screening\"").contains("\"field\":\"timestamp\"")
                    .contains("before the latest event day").contains("T-OLD");
        }
    }

    @Test
    void finalStage_arrivalLaterThanTheLateness_isScreenedAtOnce_notDropped_andOrderIsByInstantNotLocalClock() throws Exception {
        // across Sydney's fall-back, 02:45+11:00 is before 02:30+10:00: the instant decides the order
        Transaction base = JobTestSupport.sample().get(0);
        Transaction later = at(base, "T-LOCAL-0230", OffsetDateTime.of(2026, 4, 5, 2, 30, 0, 0, ZoneOffset.ofHours(10)));
        Transaction earlier = at(base, "T-LOCAL-0245", OffsetDateTime.of(2026, 4, 5, 2, 45, 0, 0, ZoneOffset.ofHours(11)));
        Transaction late = at(base, "T-LATE", OffsetDateTime.of(2026, 4, 4, 10, 0, 0, 0, ZoneOffset.UTC));
        List<Envelope> partial = partials(List.of(later, earlier, late));
        var h = StageHarness.finalHarness(new FinalStepFunction(Level.NONE, Duration.ofSeconds(30)));
        try (h) {
            h.setProcessingTime(0);
            partial.get(0).bundle = Engines.canonical(OperatorHarnessTest.V1);
            h.processElement(partial.get(0), partial.get(0).time);
            h.processElement(partial.get(1), partial.get(1).time);
            assertThat(h.extractOutputValues()).isEmpty();
            h.processWatermark(partial.get(0).time);
            assertThat(ids(h.extractOutputValues())).containsExactly("T-LOCAL-0245", "T-LOCAL-0230");
            // a record older than the watermark (later than the allowed lateness) is screened on arrival
            h.processElement(partial.get(2), partial.get(2).time);
            assertThat(ids(h.extractOutputValues())).containsExactly("T-LOCAL-0245", "T-LOCAL-0230", "T-LATE");
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    private static List<String> ids(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(".*\"transactionId\":\"([^\"]+)\".*", "$1")).toList();
    }

    /** The sender stage's output for {@code txs}, through the cluster and sender stages, in the given order. */
    static List<Envelope> partials(List<Transaction> txs) throws Exception {
        List<Envelope> out = new ArrayList<>();
        try (var c = OperatorHarnessTest.clusterStage()) {
            for (int i = 0; i < txs.size(); i++) {
                c.processElement(OperatorHarnessTest.parsed(txs.get(i), i + 1), txs.get(i).epochMillis());
            }
            var s = StageHarness.senderHarness(new SenderStepFunction(Level.NONE));
            try (s) {
                boolean first = true;
                for (Envelope e : c.extractOutputValues()) {
                    if (first) {
                        e.bundle = Engines.canonical(OperatorHarnessTest.V1);
                        first = false;
                    }
                    s.processElement(e, e.time);
                }
                out.addAll(s.extractOutputValues());
            }
        }
        for (Envelope e : out) {
            e.bundle = null;
        }
        return out;
    }
}
