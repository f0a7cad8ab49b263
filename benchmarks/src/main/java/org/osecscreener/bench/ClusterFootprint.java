package org.osecscreener.bench;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.ClusterResolver;

/**
 * Measures the heap retained per tracked beneficiary: streams the {@link PayeePopulation}
 * (generated per index, so nothing but the resolver keeps it), forces full GCs and divides
 * the growth of used heap by the number of beneficiaries tracked. Includes everything the
 * resolver retains: beneficiary ids, nodes, the beneficiary's identifiers and their map
 * entries, links and hash tables.
 *
 * <p>Run: {@code java -Xmx4g -XX:+UseParallelGC -cp benchmarks/target/benchmarks.jar
 * org.osecscreener.bench.ClusterFootprint [beneficiaries]}
 */
public final class ClusterFootprint {
    private ClusterFootprint() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ClusterConfig config = ClusterConfig.builder().maxBeneficiaries(n).maxIdentifiers(4 * n).build();
        long before = used();
        ClusterResolver r = ClusterResolver.create(config);
        for (int i = 0; i < n; i++) {
            r.resolve(PayeePopulation.id(i), PayeePopulation.normalised(i, n));
        }
        long after = used();
        System.out.printf("beneficiaries=%d identifiers=%d clusters=%d hubs=%d%n", r.beneficiaryCount(),
                r.identifierCount(), r.clusterCount(), r.hubs().size());
        System.out.printf("retained=%.1f MB, bytes per tracked beneficiary=%.0f (%.2f identifiers each)%n",
                (after - before) / 1e6, (after - before) / (double) r.beneficiaryCount(),
                r.identifierCount() / (double) r.beneficiaryCount());
        System.out.println(r.clusterOf("B-0"));
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
