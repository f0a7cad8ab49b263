package org.osecscreener.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A Java process started by a test from the test's own classpath (the same classes the jar
 * holds: this module, core, Flink, Kafka), with its output in a log file. Killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) by the test, and always in {@link #close()}, so
 * that no JVM outlives its test.
 */
final class Jvm implements AutoCloseable {
    /** Processes still running; killed if this JVM is stopped (a test timeout) before the tests did it. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Process process;
    final Path log;

    private Jvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM.
     *
     * @param name     what the test calls it, for messages
     * @param jvmArgs  extra JVM options (heap, system properties)
     * @param log      where its standard output and error go
     */
    static Jvm start(String name, List<String> jvmArgs, String mainClass, List<String> args, Path log) throws IOException {
        return start(name, jvmArgs, mainClass, args, log, java.util.Map.of());
    }

    /** Starts {@code mainClass} as {@link #start(String, List, String, List, Path)} does, with extra environment variables. */
    static Jvm start(String name, List<String> jvmArgs, String mainClass, List<String> args, Path log,
                     java.util.Map<String, String> env) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(moduleFlags());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("OSEC_LOG_LEVEL");
        pb.environment().putAll(env);
        Process p = pb.start();
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return new Jvm(name, p, log);
    }

    /** The --add-opens/--add-exports flags this JVM was started with (the ones Flink needs). */
    private static List<String> moduleFlags() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("--add-exports")) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " (pid " + pid() + ") did not die within 60 s of SIGKILL");
        }
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not finish within " + timeout + "; its log ends:\n" + tail());
        }
        return process.exitValue();
    }

    /** The last 40 lines of the log. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * Waits, polling every 100 ms, until {@code condition} holds; fails with {@code what} and
     * the timeout if it does not within {@code timeout}.
     */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " in vain for: " + what.get());
            }
            Thread.sleep(100);
        }
    }
}
