package org.osecscreener.bench;

import org.osecscreener.cluster.ClusterResolver;
import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.model.Party;

/**
 * A deterministic synthetic beneficiary population with realistic sharing, generated from the
 * index alone (so it can be streamed or materialised identically). By a hash of the index:
 * <ul>
 *   <li>80% unique payees: own phone, own address, a third with an own account;</li>
 *   <li>12% family members: about 3.5 per family, sharing an address and a surname, own phones;</li>
 *   <li>6% facilitator-ring members: about 5 per ring, sharing a phone (as phone or as a wallet
 *       id) or a non-phone wallet, own addresses;</li>
 *   <li>2% users of one of 20 hubs: a mall address shared by thousands, own phones.</li>
 * </ul>
 * All data is synthetic: numbers in +63 9xx ranges generated from the index.
 */
final class PayeePopulation {
    final int size;
    final String[] ids;
    final PayeeIdentifiers[] normalised; // null entries when the population is raw parties
    final Party[] parties;

    PayeePopulation(int size, boolean withParties) {
        this.size = size;
        this.ids = new String[size];
        this.normalised = new PayeeIdentifiers[size];
        this.parties = withParties ? new Party[size] : null;
        for (int i = 0; i < size; i++) {
            ids[i] = id(i);
            normalised[i] = withParties ? null : normalised(i, size);
            if (withParties) {
                parties[i] = party(i, size);
            }
        }
    }

    /** Resolves every beneficiary once, in index order; returns the resolver for the blackhole. */
    ClusterResolver resolveAll(ClusterResolver r) {
        for (int i = 0; i < size; i++) {
            r.resolve(ids[i], normalised[i]);
        }
        return r;
    }

    /** Normalises and resolves every beneficiary once. */
    ClusterResolver normaliseAndResolveAll(ClusterResolver r) {
        for (int i = 0; i < size; i++) {
            r.resolve(parties[i]);
        }
        return r;
    }

    /** Normalises every beneficiary once; returns a checksum. */
    int normaliseAll(IdentifierNormaliser n) {
        int sum = 0;
        for (int i = 0; i < size; i++) {
            sum += n.normalise(parties[i]).size();
        }
        return sum;
    }

    static String id(int i) {
        return "B-" + i;
    }

    private static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private static int role(int i) {
        return (int) Long.remainderUnsigned(mix(i * 31L + 7), 100);
    }

    private static long group(int i, long groups) {
        return Long.remainderUnsigned(mix(i * 17L + 3), Math.max(1, groups));
    }

    private static String phone(long n) {
        return "+639" + (100_000_000L + Long.remainderUnsigned(mix(n), 899_999_999L));
    }

    static PayeeIdentifiers normalised(int i, int size) {
        int role = role(i);
        if (role < 80) {
            Identifier p = new Identifier(IdentifierType.PHONE, phone(i));
            Identifier a = new Identifier(IdentifierType.ADDRESS, "PH|" + i + " rizal street barangay " + (i % 997));
            return i % 3 == 0
                    ? PayeeIdentifiers.of(p, new Identifier(IdentifierType.ACCOUNT, "PH12BANK" + (10_000_000L + i)), a)
                    : PayeeIdentifiers.of(p, a);
        }
        if (role < 92) {
            long family = group(i, size * 12L / 100 / 3);
            return PayeeIdentifiers.of(new Identifier(IdentifierType.PHONE, phone(i)),
                    new Identifier(IdentifierType.ADDRESS, "PH|block " + family + " lot 3 barangay san isidro"));
        }
        if (role < 98) {
            long ring = group(i, size * 6L / 100 / 5);
            Identifier shared = ring % 2 == 0 ? new Identifier(IdentifierType.PHONE, phone(-1 - ring))
                    : new Identifier(IdentifierType.WALLET, "gcash-ring-" + ring);
            return PayeeIdentifiers.of(shared,
                    new Identifier(IdentifierType.ADDRESS, "PH|" + i + " mabini street barangay " + (i % 211)));
        }
        return PayeeIdentifiers.of(new Identifier(IdentifierType.PHONE, phone(i)),
                new Identifier(IdentifierType.ADDRESS, "PH|sm city mall " + (i % 20)));
    }

    static Party party(int i, int size) {
        int role = role(i);
        Party.Builder b = Party.builder(id(i), "PH").name("Maria Clara Reyes Santos " + (i % 1000));
        String national = "0" + phone(i).substring(3);
        if (role < 80) {
            b.phone(national.substring(0, 4) + " " + national.substring(4, 7) + " " + national.substring(7))
                    .address(i + " Rizal St., Brgy. " + (i % 997));
            if (i % 3 == 0) {
                b.account("PH12-BANK-" + (10_000_000L + i));
            }
        } else if (role < 92) {
            long family = group(i, size * 12L / 100 / 3);
            b.phone("+63 " + national.substring(1)).address("Blk " + family + " Lot 3, Brgy. San Isidro");
        } else if (role < 98) {
            long ring = group(i, size * 6L / 100 / 5);
            if (ring % 2 == 0) {
                b.wallet("0" + phone(-1 - ring).substring(3));
            } else {
                b.wallet("GCASH-RING-" + ring);
            }
            b.address(i + " Mabini St. Bgy " + (i % 211));
        } else {
            b.phone(national).address("SM City Mall " + (i % 20));
        }
        return b.build();
    }
}
