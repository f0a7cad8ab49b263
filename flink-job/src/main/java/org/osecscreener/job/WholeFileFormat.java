package org.osecscreener.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.osecscreener.rules.RuleBundleLoader;

/** Reads each rule file of a watched directory whole, as one {@link RuleEvent} (at most 1 MiB + 1 byte read). */
final class WholeFileFormat extends SimpleStreamFormat<RuleEvent> {
    @Override
    public StreamFormat.Reader<RuleEvent> createReader(Configuration config, FSDataInputStream stream) {
        return new StreamFormat.Reader<>() {
            private boolean done;

            @Override
            public RuleEvent read() throws IOException {
                if (done) {
                    return null;
                }
                done = true;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int n;
                while ((n = stream.read(chunk)) > 0 && b.size() <= RuleBundleLoader.MAX_BYTES) {
                    b.write(chunk, 0, n);
                }
                // The loader rejects content over MAX_BYTES with a clear message.
                return new RuleEvent("rules-update", b.toString(StandardCharsets.UTF_8));
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    @Override
    public TypeInformation<RuleEvent> getProducedType() {
        return TypeExtractor.getForClass(RuleEvent.class);
    }
}
