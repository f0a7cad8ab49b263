package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a local mini-cluster: its exit codes (0 every record screened, 1 records
 * rejected or invalid rules, 2 usage error or a directory of another run, 3 the job failed), the
 * summary (only directories that exist), and the rules that keep one run per output directory
 * and make {@code --resume} safe. Killing and resuming a real run is {@code LocalRunKillResumeTest}.
 */
class RunCommandTest {
    static final String SAMPLE = "../samples/transactions.jsonl";

    @TempDir
    Path dir;

    static MainTest.Result run(String... args) {
        List<String> a = new ArrayList<>(List.of("run", "--restarts", "0"));
        a.addAll(List.of(args));
        return MainTest.run(a.toArray(String[]::new));
    }

    /** What the embedded screener writes for the same input at the same default level: the count `run` must report. */
    private String embeddedCount(String input) throws IOException {
        Path alerts = dir.resolve("embedded-" + System.nanoTime() + ".jsonl");
        MainTest.Result r = MainTest.run("screen", "--input", input, "--output", alerts.toString(),
                "--dead-letter", dir.resolve("embedded-dead.jsonl").toString());
        assertThat(r.code()).as(r.err()).isIn(Main.OK, Main.FINDINGS);
        long n = Files.readAllLines(alerts).size();
        assertThat(n).as("the sample must give assessments to count").isPositive();
        return "wrote " + n + " assessments";
    }

    @Test
    void cleanInput_exitsZero_namesOnlyWhatWasWritten_andTheFinishedOutputIsNeverReused() throws IOException {
        String wrote = embeddedCount(SAMPLE);
        Path out = dir.resolve("out");
        MainTest.Result r = run("--input", SAMPLE, "--output", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains(wrote).contains("0 dead letters")
                .contains("alerts:      " + out.resolve("alerts"))
                .contains("no dead letter, no rule events written")
                .doesNotContain(out.resolve("dead-letter").toString());
        assertThat(out.resolve("dead-letter")).doesNotExist();
        assertThat(out.resolve("checkpoints")).as("a finished run leaves no checkpoint").doesNotExist();
        assertThat(Files.readString(out.resolve("summary.txt"))).contains(wrote);

        MainTest.Result again = run("--input", SAMPLE, "--output", out.toString());
        assertThat(again.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(again.err()).contains("holds the output of an earlier run that finished").contains("new --output");
        MainTest.Result resume = run("--input", SAMPLE, "--output", out.toString(), "--resume");
        assertThat(resume.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(resume.err()).contains("finished").contains("nothing to resume");
        assertThat(Files.readString(out.resolve("summary.txt"))).as("untouched").contains(wrote);
    }

    @Test
    void rejectedRecords_exitOne_andTheDeadLetterIsNamed() throws IOException {
        Path in = dir.resolve("in.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(SAMPLE)));
        lines.add(10, "{\"id\":\"broken");
        Files.write(in, lines);
        String wrote = embeddedCount(in.toString());
        Path out = dir.resolve("out");
        MainTest.Result r = run("--input", in.toString(), "--output", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.FINDINGS);
        assertThat(r.out()).contains(wrote).contains("1 dead letters")
                .contains("dead letter: " + out.resolve("dead-letter"));
    }

    @Test
    void invalidRules_exitOne_withoutStartingTheJob() throws IOException {
        Path rules = Files.writeString(dir.resolve("bad.yaml"), "id: x\nversion: 0\n");
        MainTest.Result r = run("--input", SAMPLE, "--output", dir.resolve("out").toString(), "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(Main.FINDINGS);
        assertThat(r.err()).contains("invalid rule bundle");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run("--source", "ftp").code()).isEqualTo(Main.USAGE_OR_IO);
        MainTest.Result missing = run("--input", dir.resolve("nope.jsonl").toString(), "--output", dir.resolve("o").toString());
        assertThat(missing.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(missing.err()).contains("no such file or directory").contains("nope.jsonl");
        MainTest.Result noCheckpoints = run("--input", SAMPLE, "--output", dir.resolve("o").toString(), "--resume",
                "--checkpoint-interval", "PT0S");
        assertThat(noCheckpoints.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(noCheckpoints.err()).contains("--resume needs checkpoints");
    }

    @Test
    void resume_withoutACompletedCheckpoint_isRefused_andSaysWhatToDo() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("checkpoints/0123456789abcdef0123456789abcdef/chk-4")); // in progress when killed
        MainTest.Result r = run("--input", SAMPLE, "--output", out.toString(), "--resume");
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("no completed checkpoint under " + out.resolve("checkpoints"))
                .contains("stopped before its first checkpoint").contains("without --resume");
    }

    @Test
    void freshRun_overTheOutputOfAnUnfinishedRun_isRefused_andPointsToResume() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out.resolve("alerts"));
        Files.writeString(out.resolve("alerts/alerts-1-0.jsonl"), "{}\n");
        Path chk = Files.createDirectories(out.resolve("checkpoints/0123456789abcdef0123456789abcdef/chk-7"));
        Files.writeString(chk.resolve("_metadata"), "x");
        MainTest.Result r = run("--input", SAMPLE, "--output", out.toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("holds the output of an earlier run (1 committed files").contains("did not finish")
                .contains("Add --resume to continue it from its last checkpoint (7)");

        Path elsewhere = dir.resolve("other");
        MainTest.Result ck = run("--input", SAMPLE, "--output", elsewhere.toString(), "--checkpoint-dir", out.resolve("checkpoints").toString());
        assertThat(ck.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(ck.err()).contains("holds a checkpoint of an earlier run").contains("--resume").contains("new --checkpoint-dir");
    }

    @Test
    void resume_withOtherOptionsThanTheRun_isRefused_namingTheDifference() throws IOException {
        Path out = dir.resolve("out");
        Path chk = Files.createDirectories(out.resolve("checkpoints/0123456789abcdef0123456789abcdef/chk-3"));
        Files.writeString(chk.resolve("_metadata"), "x");
        RunDirectory.writeRecord(out.resolve("checkpoints").toString(),
                RunDirectory.record("file", SAMPLE, "jsonl", "file", out, null, null, null));
        Path other = Files.writeString(dir.resolve("other.jsonl"), "");
        MainTest.Result r = run("--input", other.toString(), "--output", out.toString(), "--resume");
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("input was " + Path.of(SAMPLE).toAbsolutePath().normalize())
                .contains("now " + other.toAbsolutePath()).contains("Repeat the options of that run");
    }

    @Test
    void jobFailure_exitsThree_andKeepsTheCheckpoint() throws IOException {
        Path out = dir.resolve("out");
        Path chk = Files.createDirectories(out.resolve("checkpoints/0123456789abcdef0123456789abcdef/chk-5"));
        Files.writeString(chk.resolve("_metadata"), "not a checkpoint"); // a damaged checkpoint: the job cannot start from it
        MainTest.Result r = run("--input", SAMPLE, "--output", out.toString(), "--resume");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(Main.JOB_FAILED);
        assertThat(r.out()).contains("resuming from checkpoint 5");
        assertThat(r.err()).contains("error: the job failed: ").contains("checkpoint (5) is kept in");
        assertThat(chk.resolve("_metadata")).exists();
    }
}
