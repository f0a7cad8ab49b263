package org.osecscreener.screen;

import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/**
 * A 64-bit fingerprint of a transaction's content, to tell an exact replay of a transaction id
 * from a different transaction that reuses the id ({@code docs/time-and-order.md#duplicates}).
 *
 * <p><b>What is included</b>: every field of the parsed transaction except its {@code label}:
 * the id; the timestamp's instant (seconds and nanoseconds) and its UTC offset; the amount in minor
 * units and its currency; the channel; the purpose; and every field of the sender and of the
 * beneficiary (id, type, name, country, account, phone, wallet, email, address, pick-up location,
 * device, IP). An absent value differs from an empty one. Two JSON lines that differ only in
 * formatting (key order, spacing, {@code "45"} against {@code "45.00"}, unknown fields the codec
 * ignores, the label) have the same fingerprint; in pseudonymisation mode the fingerprint is taken
 * of the pseudonymised transaction, which is the same for the same raw one.
 *
 * <p><b>How</b>: FNV-1a over the UTF-16 units of each value, each value preceded by its length
 * (-1 when absent) so that no two different contents feed the same sequence, then a murmur3
 * finaliser. Never 0 (0 means "not recorded" in state written by an earlier build). The function
 * is part of the checkpoint format of the Flink job: it must not change between versions. Two
 * different contents share a fingerprint with probability about 2⁻⁶⁴; such a pair would be taken for
 * a replay. Allocates nothing. Stateless and thread-safe.
 */
public final class ContentFingerprint {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private ContentFingerprint() {
    }

    /** The fingerprint of {@code tx} without its label; never 0. */
    public static long of(Transaction tx) {
        long h = OFFSET;
        h = str(h, tx.id());
        h = num(h, tx.timestamp().toEpochSecond());
        h = num(h, tx.timestamp().getNano());
        h = num(h, tx.timestamp().getOffset().getTotalSeconds());
        h = num(h, tx.amount().minorUnits());
        h = str(h, tx.amount().currency().getCurrencyCode());
        h = str(h, tx.channel() == null ? null : tx.channel().name());
        h = str(h, tx.purpose());
        h = party(h, tx.sender());
        h = party(h, tx.beneficiary());
        h = mix(h);
        return h == 0 ? 1 : h;
    }

    private static long party(long h, Party p) {
        h = str(h, p.id());
        h = str(h, p.type().name());
        h = str(h, p.name());
        h = str(h, p.country());
        h = str(h, p.account());
        h = str(h, p.phone());
        h = str(h, p.wallet());
        h = str(h, p.email());
        h = str(h, p.address());
        h = str(h, p.pickupLocation());
        h = str(h, p.device());
        return str(h, p.ip());
    }

    private static long str(long h, String s) {
        if (s == null) {
            return num(h, -1);
        }
        h = num(h, s.length());
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return h;
    }

    private static long num(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xff)) * PRIME;
            v >>>= 8;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
