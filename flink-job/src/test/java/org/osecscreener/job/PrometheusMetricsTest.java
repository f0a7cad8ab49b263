package org.osecscreener.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.model.Transaction;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.Screener;

/**
 * A streaming run (a watched input directory, so the job stays up) with the Prometheus endpoint
 * on: the test scrapes it over HTTP while the job runs and finds the screening counters at the
 * embedded Screener's counts and the latency histogram over every transaction.
 */
class PrometheusMetricsTest {
    static final String PREFIX = "flink_taskmanager_job_task_operator_";
    /** One sample of the text exposition format: {@code name{labels} value}. */
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");

    @TempDir
    Path dir;

    @Test
    void prometheusPort_duringAStreamingRun_servesAssessedAlertAndTheLatencyHistogram() throws Exception {
        List<Transaction> txs = JobTestSupport.sample();
        Path in = Files.createDirectories(dir.resolve("in"));
        JobTestSupport.write(in.resolve("batch-1.jsonl"), txs);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        JobRunner.Options o = new JobRunner.Options("file", in.toString(), "jsonl", Duration.ofSeconds(1), null, null, null,
                false, "file", dir.resolve("out").toString(), null, null, null, JobTestSupport.defaults(), null, null,
                "hashmap", Duration.ofSeconds(1), dir.resolve("checkpoints").toString(), 2, Duration.ofSeconds(1), Level.REVIEW,
                false, 0, IngestSettings.NONE, null, KafkaClientProperties.NONE, Integer.toString(port));
        long review = 0;
        long alert = 0;
        Screener screener = Screener.builder().bundle(JobTestSupport.defaults()).build();
        for (Transaction t : txs) {
            Assessment a = screener.screen(t);
            review += a.level() == Level.REVIEW ? 1 : 0;
            alert += a.level() == Level.ALERT ? 1 : 0;
        }
        assertThat(alert).isPositive();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(JobRunner.configuration(o));
        JobRunner.wire(env, o);
        JobClient job = env.executeAsync("prometheus-test");
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            Map<String, List<Double>> metrics = Map.of();
            String last = "(nothing scraped)";
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    last = r.body();
                    metrics = parse(last);
                    if (sum(metrics, "assessed") == txs.size() && sum(metrics, "screeningLatencyMs_count") == txs.size()) {
                        break;
                    }
                } catch (java.net.ConnectException notYet) {
                    // the reporter starts with the task manager
                }
                Thread.sleep(250); // poll interval of a bounded wait on the endpoint's values
            }
            assertThat(job.getJobStatus().get()).as("the streaming job is still running")
                    .isEqualTo(org.apache.flink.api.common.JobStatus.RUNNING);
            assertThat(sum(metrics, "assessed")).as("assessed in:%n%s", last).isEqualTo(txs.size());
            assertThat(sum(metrics, "alert")).isEqualTo(alert);
            assertThat(sum(metrics, "review")).isEqualTo(review);
            assertThat(sum(metrics, "duplicates")).isZero();
            assertThat(sum(metrics, "unscreenable")).isZero();
            assertThat(sum(metrics, "transactionsIn")).isEqualTo(txs.size());
            assertThat(sum(metrics, "screeningLatencyMs_count")).isEqualTo(txs.size());
            List<Double> median = quantile(last, "screeningLatencyMs", "0.5");
            assertThat(median).as("median latency, ms").singleElement()
                    .satisfies(v -> assertThat(v).isBetween(0.0, 120_000.0));
            assertThat(quantile(last, "screeningLatencyMs", "0.99")).singleElement()
                    .satisfies(v -> assertThat(v).isBetween(median.get(0), 120_000.0));
        } finally {
            job.cancel().get();
        }
    }

    /** Every sample value by metric name (labels dropped), for names under the operator prefix. */
    static Map<String, List<Double>> parse(String body) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find() || !m.group(1).startsWith(PREFIX)) {
                continue;
            }
            if (m.group(2) != null && m.group(2).contains("quantile=")) {
                continue;
            }
            out.computeIfAbsent(m.group(1).substring(PREFIX.length()), k -> new ArrayList<>()).add(Double.parseDouble(m.group(3)));
        }
        return out;
    }

    static long sum(Map<String, List<Double>> metrics, String name) {
        return Math.round(metrics.getOrDefault(name, List.of()).stream().mapToDouble(Double::doubleValue).sum());
    }

    static List<Double> quantile(String body, String name, String q) {
        List<Double> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.find() && m.group(1).equals(PREFIX + name) && m.group(2) != null
                    && m.group(2).contains("quantile=\"" + q + "\"")) {
                out.add(Double.parseDouble(m.group(3)));
            }
        }
        return out;
    }
}
