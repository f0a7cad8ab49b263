package org.osecscreener.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/** Reads {@code --max-future}: an ISO-8601 duration, or {@code off}. */
final class MaxFuture {
    /** The description for {@code run} (live streams: default one day). */
    static final String RUN = "Dead-letter transactions dated more than DURATION after the current time (ISO-8601;"
            + " default ${DEFAULT-VALUE}), or off for replays of future-dated synthetic data (docs/time-and-order.md).";
    /** The description for {@code screen} (files, often replays: default off). */
    static final String SCREEN = "Dead-letter transactions dated more than DURATION after the current time (ISO-8601,"
            + " e.g. P1D; default ${DEFAULT-VALUE}: files are often replays or synthetic; docs/time-and-order.md).";

    private MaxFuture() {
    }

    /** The bound, or {@code null} for {@code off}. */
    static Duration parse(CommandLine cmd, String value) {
        if ("off".equalsIgnoreCase(value)) {
            return null;
        }
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative()) {
                throw new CommandLine.ParameterException(cmd, "--max-future must not be negative, was " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cmd, "--max-future must be an ISO-8601 duration such as P1D or PT6H,"
                    + " or off; was " + value);
        }
    }
}
