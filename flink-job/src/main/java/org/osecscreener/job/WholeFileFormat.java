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
import org.osecscreener.tools.iso20022.Pacs008Reader;

/**
 * Reads each file whole, as one record named after the file: a rule bundle dropped into a watched
 * directory ({@link #RULES}), or an ISO 20022 file of one or more messages ({@link #MESSAGES}).
 * Reading stops a little past the content limit of the format, whose reader then rejects the
 * oversize content with a clear reason, so a huge file cannot exhaust memory.
 */
abstract class WholeFileFormat<T> implements BulkFormat<T, FileSourceSplit> {
    /** Rule bundle files, as rule events. */
    static final WholeFileFormat<RuleEvent> RULES = new WholeFileFormat<>(RuleEvent.class, RuleBundleLoader.MAX_BYTES) {
        @Override
        RuleEvent record(String fileName, String text) {
            return new RuleEvent(fileName, text);
        }
    };

    /** ISO 20022 files, as raw records at position 1. */
    static final WholeFileFormat<RawRecord> MESSAGES = new WholeFileFormat<>(RawRecord.class, Pacs008Reader.MAX_MESSAGE_BYTES) {
        @Override
        RawRecord record(String fileName, String text) {
            return new RawRecord("file:" + fileName, 1, text);
        }
    };

    private final Class<T> type;
    private final int maxBytes;

    private WholeFileFormat(Class<T> type, int maxBytes) {
        this.type = type;
        this.maxBytes = maxBytes;
    }

    abstract T record(String fileName, String text);

    @Override
    public Reader<T> createReader(Configuration config, FileSourceSplit split) {
        return new Reader<>() {
            private boolean done;

            @Override
            public RecordIterator<T> readBatch() throws IOException {
                if (done) {
                    return null;
                }
                done = true;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (FSDataInputStream in = split.path().getFileSystem().open(split.path())) {
                    byte[] chunk = new byte[65536];
                    int n;
                    while ((n = in.read(chunk)) > 0 && b.size() <= maxBytes) {
                        b.write(chunk, 0, n);
                    }
                }
                SingletonResultIterator<T> it = new SingletonResultIterator<>();
                it.set(record(split.path().getName(), b.toString(StandardCharsets.UTF_8)), 0, 1);
                return it;
            }

            @Override
            public void close() {
                // nothing held open between batches
            }
        };
    }

    @Override
    public Reader<T> restoreReader(Configuration config, FileSourceSplit split) {
        return createReader(config, split);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeExtractor.getForClass(type);
    }
}
