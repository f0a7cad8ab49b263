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
import org.osecscreener.iso20022.Pacs008Reader;

/**
 * Reads each input file whole as one {@link RawRecord} (an ISO 20022 file: one message, or a
 * wrapper of many). Reading stops past {@link Pacs008Reader#MAX_MESSAGE_BYTES} and a little more:
 * the reader then rejects the oversize content with a clear reason.
 */
final class WholeFileRecords implements BulkFormat<RawRecord, FileSourceSplit> {
    @Override
    public Reader<RawRecord> createReader(Configuration config, FileSourceSplit split) {
        return new Reader<>() {
            private boolean done;

            @Override
            public RecordIterator<RawRecord> readBatch() throws IOException {
                if (done) {
                    return null;
                }
                done = true;
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                try (FSDataInputStream in = split.path().getFileSystem().open(split.path())) {
                    byte[] chunk = new byte[65536];
                    int n;
                    while ((n = in.read(chunk)) > 0 && b.size() <= Pacs008Reader.MAX_MESSAGE_BYTES) {
                        b.write(chunk, 0, n);
                    }
                }
                SingletonResultIterator<RawRecord> it = new SingletonResultIterator<>();
                it.set(new RawRecord("file:" + split.path().getName(), 1, b.toString(StandardCharsets.UTF_8)), 0, 1);
                return it;
            }

            @Override
            public void close() {
                // nothing held open between batches
            }
        };
    }

    @Override
    public Reader<RawRecord> restoreReader(Configuration config, FileSourceSplit split) {
        return createReader(config, split);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeExtractor.getForClass(RawRecord.class);
    }
}
