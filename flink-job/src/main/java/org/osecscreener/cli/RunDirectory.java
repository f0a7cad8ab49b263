package org.osecscreener.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.flink.core.fs.FileSystem;
import org.osecscreener.job.Checkpoints;
import org.osecscreener.job.JobRunner;

/**
 * What {@code run} checks before it starts, and leaves behind, so that one output directory
 * holds one run and a killed run can be resumed:
 *
 * <ul>
 *   <li>a fresh run refuses an output directory that holds committed output of an earlier run,
 *       and a checkpoint directory that holds a completed checkpoint (the output would mix two
 *       runs; the message says to use {@code --resume} or a new directory);</li>
 *   <li>{@code --resume} needs a completed checkpoint and refuses a run that finished
 *       ({@value #SUMMARY} exists) or whose recorded options ({@value #RECORD} in the checkpoint
 *       directory: source, input, format, sink, output, rule source) differ from this command's;</li>
 *   <li>a run that finished writes {@value #SUMMARY} in its output directory.</li>
 * </ul>
 */
final class RunDirectory {
    /** The options of the run, in its checkpoint directory: what a resume must repeat. */
    static final String RECORD = "osec-run.properties";
    /** Written to the output directory when a file-sink run has finished. */
    static final String SUMMARY = "summary.txt";

    private RunDirectory() {
    }

    /** A refusal, with the message for the operator; the command exits 2. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Checks that a fresh run may start.
     *
     * @param output        the output directory of a file sink, or null (Kafka sink)
     * @param checkpointDir the checkpoint directory, or null when checkpoints are off
     */
    static void checkFresh(Path output, String checkpointDir) throws Refused, IOException {
        Optional<Checkpoints.Completed> retained = checkpointDir == null ? Optional.empty() : Checkpoints.latest(checkpointDir);
        if (output != null) {
            if (Files.exists(output.resolve(SUMMARY))) {
                throw new Refused(output + " holds the output of an earlier run that finished (" + output.resolve(SUMMARY)
                        + "). Give a new --output directory (or delete this one): a run never writes into another run's output.");
            }
            int committed = JobRunner.committedFiles(output).size();
            if (committed > 0) {
                throw new Refused(output + " holds the output of an earlier run (" + committed + " committed files under "
                        + String.join("/, ", JobRunner.OUTPUT_DIRS) + "/) that did not finish. "
                        + (retained.isPresent()
                        ? "Add --resume to continue it from its last checkpoint (" + retained.get().id() + "), or give"
                        : "It kept no checkpoint to resume from: give")
                        + " a new --output directory (or delete this one).");
            }
        }
        if (retained.isPresent()) {
            throw new Refused("the checkpoint directory " + checkpointDir + " holds a checkpoint of an earlier run ("
                    + retained.get().path() + "). Add --resume to continue that run, or give a new --checkpoint-dir"
                    + " (or delete this one).");
        }
    }

    /**
     * Checks that a run may be resumed and returns the checkpoint to resume from.
     *
     * @param output        the output directory of a file sink, or null (Kafka sink)
     * @param checkpointDir the checkpoint directory
     * @param record        this command's options as {@link #record} gives them
     */
    static Checkpoints.Completed checkResume(Path output, String checkpointDir, Map<String, String> record)
            throws Refused, IOException {
        if (output != null && Files.exists(output.resolve(SUMMARY))) {
            throw new Refused("the run in " + output + " finished (" + output.resolve(SUMMARY)
                    + "): there is nothing to resume. Start a new run with a new --output directory.");
        }
        Optional<Checkpoints.Completed> latest = Checkpoints.latest(checkpointDir);
        if (latest.isEmpty()) {
            boolean committed = output != null && !JobRunner.committedFiles(output).isEmpty();
            throw new Refused("no completed checkpoint under " + checkpointDir + ": there is nothing to resume from. "
                    + (committed
                    ? output + " holds committed output, so its checkpoints were removed or another --checkpoint-dir was used:"
                    + " give the same --checkpoint-dir as the run you resume, or start a new run with a new --output directory."
                    : "The earlier run stopped before its first checkpoint and committed nothing: start it again without --resume."));
        }
        Map<String, String> before = readRecord(checkpointDir);
        if (before != null) {
            List<String> differences = new ArrayList<>();
            record.forEach((k, v) -> {
                String was = before.get(k);
                if (was != null && !was.equals(v)) {
                    differences.add(k + " was " + was + ", now " + v);
                }
            });
            if (!differences.isEmpty()) {
                throw new Refused("--resume continues the run recorded in " + join(checkpointDir, RECORD)
                        + " with the same options, but this command differs: " + String.join("; ", differences)
                        + ". Repeat the options of that run, or start a new run without --resume.");
            }
        }
        return latest.get();
    }

    /** The options a resumed run must repeat. */
    static Map<String, String> record(String source, String input, String format, String sink, Path output,
                                      String inputTopic, String rulesDir, String rulesTopic) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("source", source);
        if ("file".equals(source)) {
            r.put("input", Path.of(input).toAbsolutePath().normalize().toString());
        } else {
            r.put("input-topic", inputTopic);
        }
        r.put("format", format);
        r.put("sink", sink);
        if (output != null) {
            r.put("output", output.toAbsolutePath().normalize().toString());
        }
        r.put("rules-source", rulesTopic != null ? "topic " + rulesTopic
                : rulesDir != null ? "directory " + Path.of(rulesDir).toAbsolutePath().normalize() : "baseline only");
        return r;
    }

    /** Writes the run's options to its checkpoint directory. */
    static void writeRecord(String checkpointDir, Map<String, String> record) throws IOException {
        Properties p = new Properties();
        p.putAll(record);
        org.apache.flink.core.fs.Path file = new org.apache.flink.core.fs.Path(join(checkpointDir, RECORD));
        FileSystem fs = file.getFileSystem();
        fs.mkdirs(file.getParent());
        try (OutputStream out = fs.create(file, FileSystem.WriteMode.OVERWRITE)) {
            p.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                    " options of an osec-screener run: `run --resume` must repeat them");
        }
    }

    private static Map<String, String> readRecord(String checkpointDir) throws IOException {
        org.apache.flink.core.fs.Path file = new org.apache.flink.core.fs.Path(join(checkpointDir, RECORD));
        FileSystem fs = file.getFileSystem();
        if (!fs.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = fs.open(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static String join(String dir, String name) {
        String uri = dir.contains("://") ? dir : Path.of(dir).toAbsolutePath().toUri().toString();
        return uri.endsWith("/") ? uri + name : uri + "/" + name;
    }

    /** Deletes a local directory tree (the default checkpoint directory of a finished run). */
    static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
