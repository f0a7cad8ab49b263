package org.osecscreener.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.SingletonResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.osecscreener.rules.RuleBundleLoader;

/**
 * Reads each rule file of a watched directory whole, as one {@link RuleEvent} named after the
 * file (so that error events say which file was wrong). At most {@link RuleBundleLoader#MAX_BYTES}
 * and a little more are read: the loader rejects the oversize content with a clear message.
 */
final class WholeFileFormat implements BulkFormat<RuleEvent, FileSourceSplit> {
    @Override
    public Reader<RuleEvent> createReader(Configuration config, FileSourceSplit split) {
        return new Reader<>() {
            private boolean done;

            @Override
            public RecordIterator<RuleEvent> readBatch() throws IOException {
                if (done) {
                    return null;
                }
                done = true;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (FSDataInputStream in = split.path().getFileSystem().open(split.path())) {
                    byte[] chunk = new byte[8192];
                    int n;
                    while ((n = in.read(chunk)) > 0 && b.size() <= RuleBundleLoader.MAX_BYTES) {
                        b.write(chunk, 0, n);
                    }
                }
                SingletonResultIterator<RuleEvent> it = new SingletonResultIterator<>();
                it.set(new RuleEvent(split.path().getName(), b.toString(StandardCharsets.UTF_8)), 0, 1);
                return it;
            }

            @Override
            public void close() {
                // nothing held open between batches
            }
        };
    }

    @Override
    public Reader<RuleEvent> restoreReader(Configuration config, FileSourceSplit split) {
        return createReader(config, split);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RuleEvent> getProducedType() {
        return TypeExtractor.getForClass(RuleEvent.class);
    }
}
