package org.osecscreener.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.io.Rejection;
import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

class ClusterReportTest {
    private static String line(String txId, Party beneficiary) {
        Transaction tx = new Transaction(txId, OffsetDateTime.parse("2026-01-05T23:10:00+10:00"),
                Money.of("45.00", Currency.getInstance("AUD")), null, "gift", Party.of("S-1", "AU"), beneficiary, null);
        return TransactionCodec.standard().toJson(tx);
    }

    private static byte[] input() {
        String s = String.join("\n",
                line("T-1", Party.builder("B-1", "PH").phone("0917 123 4567").build()),
                line("T-2", Party.builder("B-2", "PH").wallet("09171234567").build()),
                line("T-3", Party.builder("B-3", "PH").phone("not a number").address("SM City, Agent 7").build()),
                "{not json",
                line("T-4", Party.builder("B-4", "PH").address("sm city agent 7").build()),
                line("T-5", Party.builder("B-5", "PH").address("SM CITY AGENT 7").build()),
                line("T-6", Party.builder("B-1", "PH").phone("0917 123 4567").email("N/A").build()));
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void report_writesOneLinePerBeneficiary_thenHubs_andExplains() throws Exception {
        StringWriter json = new StringWriter();
        StringWriter text = new StringWriter();
        List<Rejection> rejected = new ArrayList<>();
        ClusterReport.Summary s = ClusterReport.create(ClusterConfig.builder().hubThreshold(2).build())
                .run(new ByteArrayInputStream(input()), json, "B-2", text, rejected::add);

        assertThat(json.toString().split("\n")).containsExactly(
                "{\"record\":\"beneficiary\",\"beneficiary_id\":\"B-1\",\"cluster_id\":\"C-1\",\"cluster_size\":2,\"flags\":[\"placeholder_ignored\"]}",
                "{\"record\":\"beneficiary\",\"beneficiary_id\":\"B-2\",\"cluster_id\":\"C-1\",\"cluster_size\":2,\"flags\":[\"wallet_is_phone\"]}",
                "{\"record\":\"beneficiary\",\"beneficiary_id\":\"B-3\",\"cluster_id\":\"C-2\",\"cluster_size\":2,\"flags\":[\"unparseable_phone\"]}",
                "{\"record\":\"beneficiary\",\"beneficiary_id\":\"B-4\",\"cluster_id\":\"C-2\",\"cluster_size\":2,\"flags\":[]}",
                "{\"record\":\"beneficiary\",\"beneficiary_id\":\"B-5\",\"cluster_id\":\"C-3\",\"cluster_size\":1,\"flags\":[]}",
                "{\"record\":\"hub\",\"type\":\"address\",\"value\":\"PH|•••t 7\",\"cluster_id\":\"C-2\"}".replace("PH|•••t 7",
                        IdentifierType.ADDRESS.mask("PH|sm city agent 7")));
        assertThat(text.toString()).isEqualTo("B-2 is in cluster C-1 with 2 members: B-1, B-2\n"
                + "  B-1: B-2 shares phone +63917•••4567 with B-1\n");
        assertThat(rejected).singleElement().satisfies(r -> assertThat(r.lineNumber()).isEqualTo(4));
        assertThat(s).isEqualTo(new ClusterReport.Summary(7, 6, 1, 5, 3, 1, true));
        assertThat(json.toString()).doesNotContain("1234567").doesNotContain("sm city agent");
    }

    @Test
    void explainUnknownBeneficiary_saysSo() throws Exception {
        StringWriter text = new StringWriter();
        ClusterReport.Summary s = ClusterReport.create(ClusterConfig.defaults())
                .run(new ByteArrayInputStream(input()), new StringWriter(), "B-404", text, r -> { });
        assertThat(s.explained()).isFalse();
        assertThat(text.toString()).contains("B-404 is not in the input");
    }
}
