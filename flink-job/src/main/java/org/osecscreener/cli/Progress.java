package org.osecscreener.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr, redrawn in place at most ten times a second. Shown only when stderr
 * is a terminal or when asked ({@code --progress}), so that logs and tests stay clean.
 */
final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private final long total;
    private final String unit;
    private final long started = System.nanoTime();
    private long lastDraw;

    Progress(PrintWriter err, boolean asked, long total, String unit) {
        this.err = err;
        this.on = asked || System.console() != null;
        this.total = total;
        this.unit = unit;
    }

    /** Reports {@code done} of the total (bytes or items). */
    void update(long done) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double f = total <= 0 ? 0 : Math.min(1, done / (double) total);
        int width = 30;
        int full = (int) Math.round(f * width);
        double s = (now - started) / 1e9;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %5.1f%% %,d/%,d %s %.1f s", "#".repeat(full), " ".repeat(width - full),
                f * 100, done, total, unit, s));
        err.flush();
    }

    /** Ends the bar with a newline. */
    void done() {
        if (on) {
            err.println();
            err.flush();
        }
    }
}
