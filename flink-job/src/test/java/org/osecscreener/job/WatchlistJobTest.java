package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.FindingsHeader;
import org.osecscreener.findings.Watchlist;
import org.osecscreener.findings.Watchlists;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.Screener;
import org.osecscreener.tools.findings.TipList;

/** Watchlists shipped with the job: the same watchlist_match hits and levels as the embedded Screener with the same lists. */
class WatchlistJobTest {
    @TempDir
    Path dir;

    @Test
    void jobWithWatchlists_matchesTheEmbeddedScreenerWithTheSameLists() throws Exception {
        List<Transaction> txs = JobTestSupport.sample();
        // a hotline's tips: the phones of a few of the sample's payees
        Set<String> phones = new LinkedHashSet<>();
        for (Transaction t : txs) {
            if (t.beneficiary().phone() != null && phones.size() < 4 && t.beneficiary().country().equals("PH")) {
                phones.add(t.beneficiary().phone());
            }
        }
        StringBuilder csv = new StringBuilder("type,value,country\n");
        phones.forEach(p -> csv.append("phone,").append(p).append(",PH\n"));
        byte[] k = new byte[24];
        new Random(3).nextBytes(k);
        // from a file, as the command line reads it: the tasks read the key file again (only its
        // location travels in the job graph) and check it is the key the lists were made with
        Path keyFile = Files.writeString(dir.resolve("coalition.key"), java.util.HexFormat.of().formatHex(k));
        CoalitionKey key = CoalitionKey.fromFile(keyFile);
        TipList.Result tips = TipList.read("tips.csv", new StringReader(csv.toString()), key, "Hotline",
                new TipList.Defaults(null, LocalDate.of(2026, 3, 1), 0.8));
        assertThat(tips.errors()).isEmpty();
        Watchlists lists = Watchlists.of(key, List.of(Watchlist.of(new FindingsHeader("hotline_tips", "Hotline",
                LocalDate.of(2026, 3, 1), key.checkValue(), tips.findings().size()), tips.findings())));

        Path input = JobTestSupport.write(dir.resolve("in.jsonl"), txs);
        Path out = dir.resolve("out");
        JobRunner.Options f = JobTestSupport.fileRun(input, out, "hashmap", 2, JobTestSupport.defaults(), null, Level.REVIEW);
        PipelineTest.execute(new JobRunner.Options(f.source(), f.input(), f.format(), null, null, null, null, false, "file",
                f.output(), null, null, null, f.baseline(), null, null, "hashmap", f.checkpointInterval(), f.checkpointDir(), 2,
                f.lateness(), Level.REVIEW, false, 0, lists));

        Screener s = Screener.builder().bundle(JobTestSupport.defaults()).watchlists(lists).build();
        Map<String, Assessment> expected = new LinkedHashMap<>();
        for (Transaction t : txs) {
            Assessment a = s.screen(t);
            if (a.level().atLeast(Level.REVIEW)) {
                expected.put(a.transactionId(), a);
            }
        }
        Map<String, JsonNode> actual = JobTestSupport.byTransaction(JobRunner.lines(out.resolve("alerts")));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        long watched = 0;
        for (Map.Entry<String, Assessment> e : expected.entrySet()) {
            JsonNode a = actual.get(e.getKey());
            assertThat(a.get("level").asText()).as("level of %s", e.getKey()).isEqualTo(e.getValue().level().name());
            assertThat(a.get("score").asDouble()).isCloseTo(e.getValue().score(), within(1e-9));
            boolean hit = a.get("hits").toString().contains("\"watchlist_match\"");
            assertThat(hit).isEqualTo(e.getValue().hits().stream().anyMatch(h -> h.ruleId().equals("watchlist_match")));
            watched += hit ? 1 : 0;
        }
        assertThat(watched).as("watchlist_match fired in the job").isPositive();
    }
}
