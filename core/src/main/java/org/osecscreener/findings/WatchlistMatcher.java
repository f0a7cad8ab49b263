package org.osecscreener.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.privacy.Pseudonymiser;

/**
 * Finds a transfer's sender and beneficiary on the {@link Watchlists}: the per-shell half of
 * the {@code watchlist_match} detector (the detector itself only filters and scores).
 *
 * <p>Why a cache per party: a party's identifiers are normalised (libphonenumber, microseconds)
 * and hashed (HMAC-SHA256, about a microsecond per identifier) once, when the party is first
 * seen or changes; every later transfer costs two map lookups. The lists are fixed for the
 * matcher's life, so the cache holds the party's matches, not its tokens. Each lookup in a list
 * is O(1) ({@link TokenTable}).
 *
 * <p>Identifier forms ({@link Watchlists#form()}): {@code NORMALISED} values are hashed with the
 * coalition key; {@code PSEUDONYMISED} values are decoded (a screener that pseudonymises at
 * ingest with the coalition key hands its identifiers over as they are), and a value that is not
 * a pseudonym is skipped.
 *
 * <p>Not thread-safe: one matcher per screener (under its lock) or per task.
 */
public final class WatchlistMatcher {
    /** Default parties kept per role in the cache. */
    public static final int DEFAULT_CACHE = 100_000;

    private final Watchlist[] lists;
    private final Pseudonymiser coalition;
    private final boolean pseudonymised;
    private final Function<Party, PayeeIdentifiers> identifiers;
    private final Lru senders;
    private final Lru beneficiaries;
    private final long[] bits = new long[2];

    /**
     * @param lists       the watchlists
     * @param identifiers a party's identifiers in the lists' {@linkplain Watchlists#form() form};
     *                    normally {@code normaliser::normalise} with the payee-cluster resolver's normaliser
     * @param cacheSize   parties kept per role
     */
    public WatchlistMatcher(Watchlists lists, Function<Party, PayeeIdentifiers> identifiers, int cacheSize) {
        Objects.requireNonNull(lists, "lists");
        this.lists = lists.lists().toArray(new Watchlist[0]);
        this.coalition = lists.key().pseudonymiser();
        this.pseudonymised = lists.form() == IdentifierForm.PSEUDONYMISED;
        this.identifiers = Objects.requireNonNull(identifiers, "identifiers");
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be positive, was " + cacheSize);
        }
        this.senders = new Lru(cacheSize);
        this.beneficiaries = new Lru(cacheSize);
    }

    /** A matcher over normalised identifiers from {@code normaliser}, with the default cache. */
    public static WatchlistMatcher of(Watchlists lists, IdentifierNormaliser normaliser) {
        return new WatchlistMatcher(lists, normaliser::normalise, DEFAULT_CACHE);
    }

    /** Every match of the transfer's sender and beneficiary (cached per party). */
    public WatchlistMatches match(Transaction tx) {
        return combine(sender(tx.sender()), beneficiary(tx.beneficiary(), null));
    }

    /**
     * Every match of the transfer's sender and beneficiary, with the beneficiary's identifiers
     * already at hand (the shell's own cache), used when the beneficiary is not cached here.
     */
    public WatchlistMatches match(Transaction tx, PayeeIdentifiers beneficiaryIdentifiers) {
        return combine(sender(tx.sender()), beneficiary(tx.beneficiary(), beneficiaryIdentifiers));
    }

    /** The sender's matches, cached. */
    public List<WatchlistMatch> sender(Party p) {
        return senders.get(p, null, Role.SENDER);
    }

    /** The beneficiary's matches, cached; {@code ids} (or {@code null}) saves normalising on a miss. */
    public List<WatchlistMatch> beneficiary(Party p, PayeeIdentifiers ids) {
        return beneficiaries.get(p, ids, Role.BENEFICIARY);
    }

    /**
     * The matches of identifiers in the lists' form, uncached.
     *
     * @param ids  the party's identifiers
     * @param role whose they are
     * @return the matches, an empty list when none
     */
    public List<WatchlistMatch> matches(PayeeIdentifiers ids, Role role) {
        List<WatchlistMatch> out = null;
        for (int i = 0, n = ids.size(); i < n; i++) {
            Identifier id = ids.get(i);
            if (pseudonymised) {
                if (Tokens.typeOf(id.value()) != id.type() || !Tokens.bits(id.value(), bits)) {
                    continue;
                }
            } else if (!Tokens.bits(coalition.pseudonym(id.type().tag(), id.value()), bits)) {
                continue;
            }
            for (Watchlist w : lists) {
                int at = w.indexOf(bits[0], bits[1]);
                if (at >= 0) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(w.match(at, role, id.type()));
                }
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    private static WatchlistMatches combine(List<WatchlistMatch> s, List<WatchlistMatch> b) {
        if (s.isEmpty() && b.isEmpty()) {
            return WatchlistMatches.NONE;
        }
        List<WatchlistMatch> all = new ArrayList<>(s.size() + b.size());
        all.addAll(s);
        all.addAll(b);
        return new WatchlistMatches(all);
    }

    private record Cached(Party party, List<WatchlistMatch> matches) {
    }

    /** Least-recently-used parties of one role. */
    private final class Lru extends LinkedHashMap<String, Cached> {
        private static final long serialVersionUID = 1L;
        private final int max;

        Lru(int max) {
            super(1024, 0.75f, true);
            this.max = max;
        }

        List<WatchlistMatch> get(Party p, PayeeIdentifiers ids, Role role) {
            Cached c = super.get(p.id());
            if (c == null || !c.party.equals(p)) {
                c = new Cached(p, matches(ids != null ? ids : identifiers.apply(p), role));
                put(p.id(), c);
            }
            return c.matches;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > max;
        }
    }
}
