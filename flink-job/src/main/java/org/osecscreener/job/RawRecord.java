package org.osecscreener.job;

/**
 * One input record as read by a source, before parsing: where it came from, its position there
 * (line number in a file, partition and offset in Kafka), and its text. A Flink POJO.
 */
public class RawRecord {
    /** Where the record came from: {@code file} or {@code kafka:topic/partition}. */
    public String origin;
    /** Position in the origin: 1-based line number, or Kafka offset. Also the tie-breaker of event-time order. */
    public long position;
    /** The record's text (one JSON line). */
    public String text;

    public RawRecord() {
    }

    public RawRecord(String origin, long position, String text) {
        this.origin = origin;
        this.position = position;
        this.text = text;
    }

    @Override
    public String toString() {
        return origin + ":" + position;
    }
}
