package org.osecscreener.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterReport;
import org.osecscreener.cluster.IdentifierType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusters --input FILE}: resolves every beneficiary of a transaction file into payee clusters. */
@Command(name = "clusters",
        mixinStandardHelpOptions = true,
        description = {
                "Resolves every beneficiary of a JSON-lines transaction file into payee clusters (docs/clustering.md).",
                "Writes one JSON line per beneficiary (beneficiary_id, cluster_id, cluster_size, flags), then one per hub.",
                "With --explain, also prints that beneficiary's cluster members and the chain of links that joined them.",
                "Identifier values are shown masked only."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:rejected input lines, or the --explain beneficiary is not in the input",
                "2:usage error or I/O failure"})
final class ClustersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "JSON-lines file of transactions ('-' for standard input).")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the JSON lines to FILE instead of standard output.")
    Path output;

    @Option(names = "--explain", paramLabel = "BENEFICIARY_ID", description = "Explain this beneficiary's cluster, in words, on standard output.")
    String explain;

    @Option(names = "--hub-threshold", paramLabel = "N",
            description = "An identifier links at most N distinct beneficiaries (default "
                    + ClusterConfig.DEFAULT_HUB_THRESHOLD + ").")
    Integer hubThreshold;

    @Option(names = "--links", paramLabel = "TYPE", split = ",",
            description = "Link types to use, comma-separated, from: phone, wallet, account, email, device, address, name,"
                    + " pickup_location (default: phone, wallet, account, email, device, address).")
    List<String> links;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ClusterConfig config;
        try {
            ClusterConfig.Builder b = ClusterConfig.builder();
            if (hubThreshold != null) {
                b.hubThreshold(hubThreshold);
            }
            if (links != null) {
                List<IdentifierType> types = new ArrayList<>();
                for (String t : links) {
                    types.add(IdentifierType.ofTag(t.trim()));
                }
                b.linkTypes(types);
            }
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        InputStream in = ValidateInputCommand.open(input, err);
        if (in == null) {
            return Main.USAGE_OR_IO;
        }
        long[] rejected = {0};
        ClusterReport.Summary s;
        try (in; Writer json = output == null ? null
                : new OutputStreamWriter(Files.newOutputStream(Main.outputFile(output)), StandardCharsets.UTF_8)) {
            s = ClusterReport.create(config).run(in, json == null ? out : json, explain, out, r -> {
                if (rejected[0]++ < 20) {
                    err.println(r.describe());
                }
            });
        }
        err.printf("%s: %d lines read, %d transactions, %d rejected; %d beneficiaries in %d clusters, %d hubs%n",
                input, s.linesRead(), s.transactions(), s.rejected(), s.beneficiaries(), s.clusters(), s.hubs());
        return s.rejected() > 0 || (explain != null && !s.explained()) ? Main.FINDINGS : Main.OK;
    }
}
