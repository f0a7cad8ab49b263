package org.osecscreener.fuzz;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz case at a time on a worker thread, with a bounded wait ("no hang") and the bytes
 * the case allocated on the heap ("no unbounded allocation"), measured with
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)} on the worker thread.
 *
 * <p>Why a worker thread: a case that loops forever must fail the test with a message naming
 * the case, not hang the build. The wait is generous (seconds, where a case takes microseconds
 * to milliseconds), so a slow shared CI machine does not make it flaky. A timed-out worker is
 * abandoned (it is a daemon thread) and the test fails at once.
 *
 * <p>Not thread-safe: one guard per test, used from the test thread.
 */
public final class Guard implements AutoCloseable {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long timeoutMillis;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-worker");
        t.setDaemon(true);
        return t;
    });

    /** What a case returned and how many heap bytes it allocated. */
    public record Measured<T>(T value, long allocatedBytes) {
    }

    /**
     * @param timeoutMillis the most one case may take before the test fails
     */
    public Guard(long timeoutMillis) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread allocation");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Runs {@code task} on the worker thread.
     *
     * @param what describes the case (seed, index, input) for the failure message
     * @throws AssertionError if the task throws anything or does not finish in time
     */
    public <T> Measured<T> run(String what, Callable<T> task) {
        Future<Measured<T>> f = worker.submit(() -> {
            long id = Thread.currentThread().getId();
            long before = THREADS.getThreadAllocatedBytes(id);
            T value = task.call();
            long after = THREADS.getThreadAllocatedBytes(id);
            return new Measured<>(value, after - before);
        });
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("hang: " + what + " did not finish within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError("unexpected " + e.getCause() + " for " + what, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + what, e);
        }
    }

    /**
     * Runs {@code task} and checks that it allocated at most {@code base + perByte × inputBytes}.
     * A case over the bound is run once more and judged on the smaller figure (a first run may pay
     * one-time JVM costs such as class loading). With {@code -Dfuzz.calibrate=true} the figure is
     * printed instead of checked.
     *
     * @return the task's value and the allocation it was judged on
     * @throws AssertionError if the task fails, hangs, or allocates beyond the bound twice
     */
    public <T> Measured<T> runWithin(String what, Callable<T> task, long base, long perByte, int inputBytes) {
        Measured<T> m = run(what, task);
        long bound = base + perByte * inputBytes;
        long allocated = m.allocatedBytes();
        if (allocated > bound) {
            allocated = Math.min(allocated, run(what + " (again)", task).allocatedBytes());
        }
        if (Boolean.getBoolean("fuzz.calibrate")) {
            System.out.println("ALLOC " + allocated + " " + inputBytes + " " + what);
        } else if (allocated > bound) {
            throw new AssertionError("bytes allocated by " + what + ": " + allocated + ", more than the bound " + base
                    + " + " + perByte + " × " + inputBytes + " = " + bound);
        }
        return new Measured<>(m.value(), allocated);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
