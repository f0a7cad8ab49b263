package org.osecscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.model.Party;
import org.osecscreener.privacy.KeySource;
import org.osecscreener.privacy.ingest.IngestPseudonymiser;
import org.osecscreener.rules.RuleBundleException;
import org.osecscreener.rules.RuleBundleLoader;

/** The pseudonyms a compliance team writes into a bundle are those ingest gives the same parties. */
class PseudonymsCommandTest {
    @TempDir
    Path dir;

    @Test
    void pseudonymsEqualWhatIngestGivesTheParties_andABundleAcceptsThemAsSuppressions() throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "k3y-for-the-pseudonyms-test-0123456789\n");
        Path ids = Files.write(dir.resolve("ids.txt"), List.of("S-1001", "", "  B-77  "));
        MainTest.Result r = MainTest.run("pseudonyms", "--input", ids.toString(), "--pseudonymise-key-file", key.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        List<String> out = r.out().lines().toList();
        IngestPseudonymiser ingest = IngestPseudonymiser.of(KeySource.file(key).pseudonymiser(), ClusterConfig.defaults());
        assertThat(out).containsExactly(ingest.party(Party.of("S-1001", "AU")).id(), ingest.party(Party.of("B-77", "PH")).id());
        assertThat(r.out()).doesNotContain("S-1001").doesNotContain("B-77");

        String bundle = new String(RuleBundleLoader.class.getResourceAsStream(RuleBundleLoader.DEFAULT_BUNDLE_RESOURCE)
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String withSuppression = bundle.replaceFirst("(?m)^suppressions:.*$", "")
                + "\nsuppressions:\n  - kind: SENDER\n    id: " + out.get(0)
                + "\n    reason: known payroll agent\n    expires: 2027-01-01\n";
        try {
            new RuleBundleLoader().load("pseudonymised.yaml", withSuppression.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuleBundleException e) {
            throw new AssertionError("a pseudonymised id must be accepted as a suppression id: " + e.errors(), e);
        }
    }

    @Test
    void withoutAKey_itIsAUsageError() {
        MainTest.Result r = MainTest.run("pseudonyms", "--input", dir.resolve("none.txt").toString());
        assertThat(r.code()).isEqualTo(Main.USAGE_OR_IO);
        assertThat(r.err()).contains("pseudonymisation key is required");
    }
}
