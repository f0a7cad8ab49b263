package org.osecscreener.job;

import java.util.Arrays;

import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;

/** A Flink histogram over the last {@value #SIZE} values (milliseconds), for screening latency. */
final class LatencyHistogram implements Histogram {
    static final int SIZE = 2048;
    private final long[] values = new long[SIZE];
    private long count;

    @Override
    public synchronized void update(long value) {
        values[(int) (count++ % SIZE)] = value;
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public synchronized HistogramStatistics getStatistics() {
        int n = (int) Math.min(count, SIZE);
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return new HistogramStatistics() {
            @Override
            public double getQuantile(double q) {
                return n == 0 ? 0 : sorted[(int) Math.min(n - 1, Math.floor(q * n))];
            }

            @Override
            public long[] getValues() {
                return sorted.clone();
            }

            @Override
            public int size() {
                return n;
            }

            @Override
            public double getMean() {
                return n == 0 ? 0 : Arrays.stream(sorted).average().orElse(0);
            }

            @Override
            public double getStdDev() {
                double m = getMean();
                return n == 0 ? 0 : Math.sqrt(Arrays.stream(sorted).mapToDouble(v -> (v - m) * (v - m)).sum() / n);
            }

            @Override
            public long getMax() {
                return n == 0 ? 0 : sorted[n - 1];
            }

            @Override
            public long getMin() {
                return n == 0 ? 0 : sorted[0];
            }
        };
    }
}
