package org.osecscreener.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.TransactionReader;
import org.osecscreener.score.Level;

/**
 * What {@link AssessmentWriter} writes for the bundled sample (every kind of record: transaction,
 * sextortion victim, cluster, look-back) validates against {@code docs/alert.schema.json}, and every
 * field it writes is documented in {@code docs/alert-format.md}.
 */
class AlertFormatTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sampleOutput_everyKind_validatesAgainstTheSchema_andEveryFieldIsDocumented() throws Exception {
        Screener s = Screener.builder().build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(Path.of("..", "samples", "transactions.jsonl"));
             TransactionReader r = new TransactionReader(in);
             AssessmentWriter w = new AssessmentWriter(bytes)) {
            ParseOutcome o;
            while ((o = r.next()) != null) {
                if (o instanceof ParseOutcome.Parsed p) {
                    w.write(s.screenAll(p.transaction().withoutLabel()), Level.NONE);
                }
            }
        }
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(DOCS.resolve("alert.schema.json").toFile()));
        String doc = Files.readString(DOCS.resolve("alert-format.md"));
        Set<String> kinds = new HashSet<>();
        Set<String> fields = new HashSet<>();
        List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
        for (String line : lines) {
            JsonNode n = JSON.readTree(line);
            assertThat(schema.validate(n)).as(line).isEmpty();
            kinds.add(n.get("kind").asText());
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder("transaction", "sextortion_victim", "cluster", "look_back");
        for (String f : fields) {
            assertThat(doc).as("docs/alert-format.md documents %s", f).contains("`" + f + "`");
        }
        // and the schema refuses what is not an alert
        assertThat(schema.validate(JSON.readTree("{\"kind\":\"cluster\",\"transactionId\":\"T\",\"timestamp\":\"x\","
                + "\"score\":2,\"level\":\"ALERT\",\"bundle\":\"b@1\",\"hits\":[]}"))).isNotEmpty();
    }
}
