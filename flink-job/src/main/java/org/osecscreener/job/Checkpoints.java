package org.osecscreener.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * The checkpoints a run keeps, and which one a resumed run starts from.
 *
 * <p>Flink writes each checkpoint of a job to {@code DIR/<job id>/chk-<n>/} and writes its
 * {@code _metadata} file last, atomically (a recoverable writer renames it into place), once
 * every task's state is durable; it deletes {@code _metadata} first when it discards a
 * checkpoint (the run sets {@code execution.checkpointing.cleaner.parallel-mode: false} so that
 * order holds). So a {@code chk-<n>} directory with a {@code _metadata} file is a completed
 * checkpoint, whatever moment the process was killed at. Checkpoint numbers keep rising across
 * a resume (a job restored from checkpoint {@code n} numbers its next one {@code n + 1}), so
 * the newest completed checkpoint is the one with the highest number, in any job's directory.
 *
 * <p>Listing goes through Flink's file systems, so {@code DIR} may be a local path or a URI
 * that Flink can read ({@code file://}, and {@code s3://}, {@code hdfs://} with their plugins).
 */
public final class Checkpoints {
    /** The file Flink writes last when a checkpoint completes. */
    public static final String METADATA = "_metadata";
    private static final Pattern CHK = Pattern.compile("chk-(\\d+)");

    private Checkpoints() {
    }

    /**
     * A completed checkpoint.
     *
     * @param path     the checkpoint's directory (what {@code execution.state-recovery.path} takes)
     * @param id       its number
     * @param modified when its metadata was written, milliseconds since the epoch
     */
    public record Completed(String path, long id, long modified) {
    }

    /**
     * The newest completed checkpoint under {@code dir} (a directory of job directories, as
     * {@code execution.checkpointing.dir} is), or empty if there is none or {@code dir} does
     * not exist.
     *
     * @throws UncheckedIOException if {@code dir} exists but cannot be listed
     */
    public static Optional<Completed> latest(String dir) {
        try {
            Path root = new Path(uri(dir));
            FileSystem fs = root.getFileSystem();
            if (!fs.exists(root)) {
                return Optional.empty();
            }
            Completed best = null;
            for (FileStatus job : list(fs, root)) {
                if (!job.isDir()) {
                    continue;
                }
                for (FileStatus chk : list(fs, job.getPath())) {
                    Matcher m = CHK.matcher(chk.getPath().getName());
                    if (!chk.isDir() || !m.matches()) {
                        continue;
                    }
                    Path metadata = new Path(chk.getPath(), METADATA);
                    if (!fs.exists(metadata)) {
                        continue; // in progress when the process stopped, or being discarded
                    }
                    long id = Long.parseLong(m.group(1));
                    long modified;
                    try {
                        modified = fs.getFileStatus(metadata).getModificationTime();
                    } catch (java.io.FileNotFoundException gone) {
                        continue; // discarded while we listed
                    }
                    if (best == null || id > best.id() || (id == best.id() && modified > best.modified())) {
                        best = new Completed(chk.getPath().toString(), id, modified);
                    }
                }
            }
            return Optional.ofNullable(best);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoint directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The entries of a directory that a running job may be changing: Flink deletes a subsumed
     * checkpoint while we list, and a local listing fails when an entry vanishes between reading
     * the names and reading their status. Lists again in that case; a directory that is itself
     * gone has no entries.
     */
    private static FileStatus[] list(FileSystem fs, Path p) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                FileStatus[] s = fs.listStatus(p);
                return s == null ? new FileStatus[0] : s;
            } catch (java.io.FileNotFoundException e) {
                if (!fs.exists(p)) {
                    return new FileStatus[0];
                }
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    /** A path as a URI Flink understands: URIs are kept, local paths made absolute. */
    static String uri(String dir) {
        if (dir.contains("://")) {
            return dir;
        }
        return java.nio.file.Path.of(dir).toAbsolutePath().toUri().toString();
    }
}
