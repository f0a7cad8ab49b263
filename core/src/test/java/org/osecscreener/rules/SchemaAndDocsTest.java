package org.osecscreener.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaAndDocsTest {
    private static final Path DOCS = Path.of("..", "docs");

    private static byte[] schemaResource() throws IOException {
        try (InputStream in = RuleBundleLoader.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void docsCopyOfTheSchema_isIdenticalToTheShippedOne() throws IOException {
        assertThat(Files.readAllBytes(DOCS.resolve("rule-bundle.schema.json"))).isEqualTo(schemaResource());
    }

    @Test
    void schema_declaresExactlyTheDetectorTypesOfTheRecords() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(schemaResource());
        List<String> types = new ArrayList<>();
        schema.path("properties").path("detectors").path("properties").fieldNames().forEachRemaining(types::add);

        assertThat(types).containsExactlyElementsOf(Detectors.TYPES);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void rulesReference_documentsEveryDetectorType() throws IOException {
        String doc = Files.readString(DOCS.resolve("rules.md"));
        for (String type : Detectors.TYPES) {
            assertThat(doc).as("docs/rules.md mentions %s", type).contains("### `" + type + "`");
        }
    }
}
