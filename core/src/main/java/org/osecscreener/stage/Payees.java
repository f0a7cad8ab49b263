package org.osecscreener.stage;

import java.util.List;
import java.util.Objects;

import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.findings.Role;
import org.osecscreener.findings.WatchlistMatch;
import org.osecscreener.findings.WatchlistMatcher;
import org.osecscreener.model.PackedParty;
import org.osecscreener.model.Party;
import org.osecscreener.profile.PartyKeys;

/**
 * The payee cache: what is derived from a beneficiary once and reused while it stays the same
 * party — its normalised identifiers (what payee clusters are resolved on), its family keys (for
 * the related-party test) and, when the screener has watchlists, its matches.
 *
 * <p><b>One definition.</b> Both shells derive a {@link Payee} here and reuse a cached one only
 * when the beneficiary's content is unchanged ({@link Payee#sameParty}: same name, identifiers,
 * address and the rest, compared packed). Where the cache lives is the shell's choice, since it
 * decides nothing: the embedded screener keeps each payee with its beneficiary in the cluster
 * resolver (bounded with it, no map of its own); the job's parse stage keeps the most recently used
 * {@code 100,000} per task in front of the single cluster task. Derived data: never checkpointed.
 *
 * <p>Immutable and thread-safe when its watchlist matcher is ({@link WatchlistMatcher} is
 * not: the embedded screener calls this under its lock).
 */
public final class Payees {
    private final IdentifierNormaliser normaliser;
    private final WatchlistMatcher watch;

    /**
     * @param normaliser the normaliser payee clusters are resolved with
     * @param watch      the matcher for the beneficiary's watchlist matches, or {@code null} for none
     */
    public Payees(IdentifierNormaliser normaliser, WatchlistMatcher watch) {
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.watch = watch;
    }

    /**
     * What is derived from a beneficiary, with its content packed ({@link PackedParty}; the party
     * itself only if it does not pack) to check that a later transaction names the same party.
     *
     * @param packed  the packed content, or {@code null} if it does not pack
     * @param party   the party when it does not pack, else {@code null}
     * @param ids     its normalised identifiers
     * @param surname {@link PartyKeys#surname} of its name (0 for none)
     * @param address {@link PartyKeys#address} of its address (0 for none)
     * @param watch   its watchlist matches as a beneficiary (empty without watchlists)
     */
    public record Payee(String packed, Party party, PayeeIdentifiers ids, int surname, int address,
                        List<WatchlistMatch> watch) {
        /** Whether {@code p} is the party this was derived from (same content). */
        public boolean sameParty(Party p) {
            return packed != null ? PackedParty.matches(packed, p) : party.equals(p);
        }
    }

    /**
     * The payee of {@code beneficiary}: {@code cached} when it is a payee derived from the same
     * party, else a new one (which the caller then caches).
     *
     * @param cached what the shell's cache holds for the beneficiary's id, or {@code null}
     */
    public Payee of(Party beneficiary, Object cached) {
        if (cached instanceof Payee p && p.sameParty(beneficiary)) {
            return p;
        }
        PayeeIdentifiers ids = normaliser.normalise(beneficiary);
        String packed = PackedParty.of(beneficiary);
        return new Payee(packed, packed == null ? beneficiary : null, ids, PartyKeys.surname(beneficiary.name()),
                PartyKeys.address(beneficiary.address()), watch == null ? List.of() : watch.matches(ids, Role.BENEFICIARY));
    }
}
