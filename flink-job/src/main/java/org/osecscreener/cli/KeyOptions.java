package org.osecscreener.cli;

import java.nio.file.Path;

import org.osecscreener.privacy.KeySource;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The pseudonymisation key options shared by {@code screen}, {@code run} and {@code report}: the key
 * comes from a file or an environment variable, never from the command line (it would show in the
 * process list and the shell history). Options that look like a key on the command line are
 * accepted by the parser only to be refused, without echoing their value.
 */
final class KeyOptions {
    @Option(names = "--pseudonymise-key-file", paramLabel = "FILE",
            description = "Pseudonymise every identifier at ingest (HMAC-SHA256) with the key in FILE (docs/privacy.md).")
    Path keyFile;

    @Option(names = "--pseudonymise-key-env", paramLabel = "VAR",
            description = "As --pseudonymise-key-file, with the key in the environment variable VAR (its name, not the key).")
    String keyEnv;

    @Option(names = {"--key", "--pseudonymise-key", "--pseudonymisation-key", "--pseudonym-key", "--hmac-key"},
            hidden = true, arity = "0..1", fallbackValue = "")
    String keyOnCommandLine;

    /**
     * Where the key comes from, or {@code null} when not pseudonymising.
     *
     * @throws CommandLine.ParameterException for a key on the command line, both sources, or a bad variable name
     */
    KeySource source(CommandLine cmd) {
        if (keyOnCommandLine != null) {
            throw new CommandLine.ParameterException(cmd, "a pseudonymisation key is never accepted on the command line"
                    + " (it would show in the process list and the shell history); put it in a file"
                    + " (--pseudonymise-key-file FILE) or an environment variable (--pseudonymise-key-env VAR)");
        }
        if (keyFile != null && keyEnv != null) {
            throw new CommandLine.ParameterException(cmd,
                    "give one of --pseudonymise-key-file and --pseudonymise-key-env, not both");
        }
        try {
            return keyFile != null ? KeySource.file(keyFile) : keyEnv != null ? KeySource.environment(keyEnv) : null;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--pseudonymise-key-env: " + e.getMessage());
        }
    }
}
