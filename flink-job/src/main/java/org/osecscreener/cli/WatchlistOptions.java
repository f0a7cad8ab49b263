package org.osecscreener.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.FindingsFile;
import org.osecscreener.findings.Watchlist;
import org.osecscreener.findings.WatchlistException;
import org.osecscreener.findings.Watchlists;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --watchlist FILE} (repeatable) with the coalition key: the lists the
 * {@code watchlist_match} rule looks parties up in ({@code docs/findings.md}).
 */
final class WatchlistOptions {
    @Option(names = "--watchlist", paramLabel = "FILE",
            description = "A findings list (docs/findings.md) for the watchlist_match rule; repeatable. Needs --key-file or --key-env.")
    List<Path> files = new ArrayList<>();

    @Mixin
    CoalitionKeyOptions key = new CoalitionKeyOptions();

    /** Thrown after the errors were printed; the command exits with {@link Main#FINDINGS}. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The lists, or {@code null} when none were given.
     *
     * @throws Invalid                        after printing every error of an invalid list
     * @throws CommandLine.ParameterException for a missing or unusable key
     */
    Watchlists load(CommandLine cmd, PrintWriter out, PrintWriter err) throws IOException, Invalid {
        if (files.isEmpty()) {
            if (key.given()) {
                throw new CommandLine.ParameterException(cmd, "a coalition key was given without --watchlist");
            }
            return null;
        }
        CoalitionKey k = key.load(cmd);
        List<Watchlist> lists = new ArrayList<>();
        boolean bad = false;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new CommandLine.ParameterException(cmd, "--watchlist: cannot read " + f + ": no such file");
            }
            try {
                Watchlist w = FindingsFile.load(f, k);
                lists.add(w);
                out.printf(Locale.ROOT, "watchlist %s: %d tokens from %s, created %s%n", w.name(), w.size(),
                        w.header().source(), w.header().created());
            } catch (WatchlistException e) {
                err.println("error: invalid watchlist " + f + ":");
                e.errors().forEach(v -> err.println("  " + v));
                bad = true;
            }
        }
        if (bad) {
            throw new Invalid();
        }
        try {
            return Watchlists.of(k, lists);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            throw new Invalid();
        }
    }
}
