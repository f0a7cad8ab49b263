package org.osecscreener.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.osecscreener.findings.CoalitionKey;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --key-file FILE | --key-env VAR}: the coalition key, never as a command-line value. */
final class CoalitionKeyOptions {
    @Option(names = "--key-file", paramLabel = "FILE",
            description = "File holding the coalition key as base64 (e.g. made with 'openssl rand -base64 32'). Never pass the key itself on the command line.")
    Path keyFile;

    @Option(names = "--key-env", paramLabel = "VAR", description = "Environment variable holding the coalition key as base64.")
    String keyEnv;

    boolean given() {
        return keyFile != null || keyEnv != null;
    }

    /**
     * The key.
     *
     * @throws CommandLine.ParameterException if neither or both options are given, or the key is unusable
     */
    CoalitionKey load(CommandLine cmd) throws IOException {
        if (keyFile != null && keyEnv != null) {
            throw new CommandLine.ParameterException(cmd, "give the coalition key by one of --key-file or --key-env, not both");
        }
        if (!given()) {
            throw new CommandLine.ParameterException(cmd, "the coalition key is required: --key-file FILE or --key-env VAR");
        }
        try {
            return keyFile != null ? CoalitionKey.fromFile(keyFile) : CoalitionKey.fromEnv(keyEnv);
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(cmd, "--key-file: cannot read " + keyFile + ": no such file");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }
}
