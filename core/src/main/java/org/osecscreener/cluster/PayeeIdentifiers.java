package org.osecscreener.cluster;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osecscreener.privacy.Pseudonymiser;

/**
 * A beneficiary's normalised identifiers and the flags raised while normalising them: what
 * {@link IdentifierNormaliser} makes of a {@code Party} and what {@link ClusterResolver}
 * resolves.
 *
 * <p>Compact and immutable: an array of identifiers in a fixed order (the order the
 * normaliser emits them, which is the order the resolver links them in) and a bit set of
 * flags. At most one identifier per type is usual but not required; duplicates are allowed
 * and harmless. Thread-safe.
 */
public final class PayeeIdentifiers {
    private static final PayeeIdentifiers EMPTY = new PayeeIdentifiers(new Identifier[0], 0);
    private static final NormalisationFlag[] FLAGS = NormalisationFlag.values();

    private final Identifier[] identifiers;
    private final int flags;

    private PayeeIdentifiers(Identifier[] identifiers, int flags) {
        this.identifiers = identifiers;
        this.flags = flags;
    }

    /** No identifiers and no flags. */
    public static PayeeIdentifiers empty() {
        return EMPTY;
    }

    /**
     * Identifiers with no flags, for callers that normalise on their own (benchmarks, tests,
     * or identifiers that arrive already normalised).
     *
     * @param identifiers the identifiers, in linking order; the array is copied
     * @return the value
     * @throws NullPointerException if an identifier is {@code null}
     */
    public static PayeeIdentifiers of(Identifier... identifiers) {
        return of(List.of(identifiers), Set.of());
    }

    /**
     * Identifiers with flags.
     *
     * @param identifiers the identifiers, in linking order
     * @param flags       the flags
     * @return the value
     * @throws NullPointerException if an identifier or flag is {@code null}
     */
    public static PayeeIdentifiers of(List<Identifier> identifiers, Set<NormalisationFlag> flags) {
        Identifier[] ids = identifiers.toArray(new Identifier[0]);
        for (Identifier id : ids) {
            Objects.requireNonNull(id, "identifier");
        }
        int bits = 0;
        for (NormalisationFlag f : flags) {
            bits |= 1 << f.ordinal();
        }
        return new PayeeIdentifiers(ids, bits);
    }

    static PayeeIdentifiers ofTrusted(Identifier[] ids, int flags) {
        return ids.length == 0 && flags == 0 ? EMPTY : new PayeeIdentifiers(ids, flags);
    }

    /** The number of identifiers. */
    public int size() {
        return identifiers.length;
    }

    /**
     * The identifier at an index, without allocating.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the identifier
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public Identifier get(int index) {
        return identifiers[index];
    }

    /** The identifiers as an unmodifiable list, in linking order. */
    public List<Identifier> identifiers() {
        return Collections.unmodifiableList(Arrays.asList(identifiers));
    }

    /** Whether a flag was raised. */
    public boolean has(NormalisationFlag flag) {
        return (flags & (1 << flag.ordinal())) != 0;
    }

    /** The flags raised, as a new set. */
    public Set<NormalisationFlag> flags() {
        EnumSet<NormalisationFlag> set = EnumSet.noneOf(NormalisationFlag.class);
        for (NormalisationFlag f : FLAGS) {
            if (has(f)) {
                set.add(f);
            }
        }
        return set;
    }

    int flagBits() {
        return flags;
    }

    /**
     * The same identifiers with each value replaced by its keyed-hash pseudonym
     * ({@code pseudonymiser.pseudonym(type.tag(), value)}); the flags are kept. Clusters
     * resolved over pseudonymised identifiers equal the clusters over the originals.
     *
     * @param pseudonymiser the operator-keyed pseudonymiser
     * @return the pseudonymised identifiers
     */
    public PayeeIdentifiers pseudonymised(Pseudonymiser pseudonymiser) {
        Identifier[] out = new Identifier[identifiers.length];
        for (int i = 0; i < out.length; i++) {
            Identifier id = identifiers[i];
            out[i] = new Identifier(id.type(), pseudonymiser.pseudonym(id.type().tag(), id.value()));
        }
        return new PayeeIdentifiers(out, flags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayeeIdentifiers other && flags == other.flags
                && Arrays.equals(identifiers, other.identifiers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(identifiers) + flags;
    }

    /** Masked identifiers and flags. */
    @Override
    public String toString() {
        return "PayeeIdentifiers" + Arrays.toString(identifiers) + flags();
    }
}
