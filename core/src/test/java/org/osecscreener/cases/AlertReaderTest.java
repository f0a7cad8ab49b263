package org.osecscreener.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osecscreener.io.Rejection;
import org.osecscreener.score.Assessment;
import org.osecscreener.score.Level;
import org.osecscreener.screen.AssessmentWriter;

class AlertReaderTest {
    @Test
    void readsBack_whatAssessmentWriterWrites() throws IOException {
        Assessment a = CaseFixtures.alert(CaseFixtures.tx(1, 1, 1, CaseFixtures.T0), "C-4", Level.ALERT, 0.8123, "T-0", "T-1");
        String line = AssessmentWriter.toJson(a);
        Assessment back = AlertReader.parseLine(line);
        assertThat(AssessmentWriter.toJson(back)).isEqualTo(line);
        assertThat(back.bundleId()).isEqualTo("osec-default");
        assertThat(back.bundleVersion()).isEqualTo(1);
        assertThat(back.hits().get(0).evidence()).containsExactly("T-0", "T-1");
    }

    @Test
    void badLines_becomeRejections_withLineFieldAndReason_blankLinesAreSkipped() throws IOException {
        String good = AssessmentWriter.toJson(CaseFixtures.alert(CaseFixtures.tx(1, 1, 1, CaseFixtures.T0), "C-4", Level.ALERT, 0.9));
        String input = String.join("\n", good, "", "{broken", good.replace("\"ALERT\"", "\"PANIC\""),
                good.replace("\"bundle\":\"osec-default@1\"", "\"bundle\":\"nover\""), "[1]");
        List<Assessment> alerts = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (AlertReader r = new AlertReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))) {
            r.forEach(alerts::add, rejections::add);
            assertThat(r.linesRead()).isEqualTo(6);
            assertThat(r.alerts()).isEqualTo(1);
            assertThat(r.rejected()).isEqualTo(4);
        }
        assertThat(alerts).hasSize(1);
        assertThat(rejections).extracting(Rejection::lineNumber).containsExactly(3L, 4L, 5L, 6L);
        assertThat(rejections.get(0).reason()).startsWith("malformed JSON");
        assertThat(rejections.get(1).field()).isEqualTo("level");
        assertThat(rejections.get(1).reason()).contains("'PANIC' is not a level");
        assertThat(rejections.get(2).field()).isEqualTo("bundle");
        assertThat(rejections.get(3).reason()).isEqualTo("a line must hold one JSON object");
    }
}
