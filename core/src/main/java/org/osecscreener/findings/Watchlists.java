package org.osecscreener.findings;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osecscreener.privacy.Pseudonymiser;
import org.osecscreener.rules.RuleBundle;
import org.osecscreener.rules.WatchlistMatchConfig;

/**
 * The watchlists a screener matches against: lists by name, the coalition key they were made
 * with, and the form of the identifiers the screener will present ({@link IdentifierForm}).
 *
 * <p>Rule bundles name lists ({@code watchlist_match.lists}); the lists themselves are supplied
 * here, by the embedding application or the command line, never by the rule file (rule files
 * hold nothing path-like). {@link #checkCovers} is called wherever a bundle meets the lists.
 *
 * <p>Immutable, thread-safe and serialisable (a streaming job ships it to its tasks).
 */
public final class Watchlists implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CoalitionKey key;
    private final Map<String, Watchlist> lists;
    private final IdentifierForm form;

    private Watchlists(CoalitionKey key, Map<String, Watchlist> lists, IdentifierForm form) {
        this.key = key;
        this.lists = lists;
        this.form = form;
    }

    /**
     * Lists matched against normalised identifiers (hashed with {@code key} once per party).
     *
     * @param key   the coalition key every list was made with
     * @param lists the lists; names must be distinct
     * @throws IllegalArgumentException if two lists have one name, or a list's key check value is not the key's
     */
    public static Watchlists of(CoalitionKey key, List<Watchlist> lists) {
        return of(key, lists, IdentifierForm.NORMALISED);
    }

    /**
     * Lists matched against identifiers of the given form.
     *
     * @see #of(CoalitionKey, List)
     */
    public static Watchlists of(CoalitionKey key, List<Watchlist> lists, IdentifierForm form) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(form, "form");
        Map<String, Watchlist> byName = new LinkedHashMap<>();
        for (Watchlist w : lists) {
            if (!w.header().keyCheck().equals(key.checkValue())) {
                throw new IllegalArgumentException("watchlist " + w.name() + " was made with a different coalition key"
                        + " (list " + w.header().keyCheck() + ", key " + key.checkValue() + "); it could never match");
            }
            if (byName.putIfAbsent(w.name(), w) != null) {
                throw new IllegalArgumentException("two watchlists are named " + w.name()
                        + "; list names must be distinct (rule bundles refer to lists by name)");
            }
        }
        return new Watchlists(key, Collections.unmodifiableMap(byName), form);
    }

    /** The coalition key. */
    public CoalitionKey key() {
        return key;
    }

    /** The lists, in the order given. */
    public List<Watchlist> lists() {
        return new ArrayList<>(lists.values());
    }

    /** The list names, in the order given. */
    public List<String> names() {
        return new ArrayList<>(lists.keySet());
    }

    /** The form of identifiers the matcher expects. */
    public IdentifierForm form() {
        return form;
    }

    /**
     * The lists as a screener that pseudonymises at ingest must match them: against pseudonyms
     * ({@link IdentifierForm#PSEUDONYMISED}), which only works when the ingest key is the
     * coalition key. Without ingest pseudonymisation the lists are returned as they are.
     *
     * @param lists  the supplied lists, or {@code null}
     * @param ingest the ingest pseudonymiser, or {@code null} when identifiers stay raw
     * @return the lists to match, or {@code null} when none were supplied
     * @throws IllegalArgumentException if the ingest key is not the coalition key (every lookup
     *                                  would miss); the message shows neither key, only check values
     */
    public static Watchlists forIngest(Watchlists lists, Pseudonymiser ingest) {
        if (lists == null || ingest == null) {
            return lists;
        }
        String ingestCheck = ingest.pseudonym("kcv", CoalitionKey.CHECK_LABEL);
        if (!ingestCheck.equals(lists.key.checkValue())) {
            throw new IllegalArgumentException("watchlists are matched against the pseudonyms made at ingest, so the"
                    + " pseudonymisation key must be the coalition key; they differ (check values " + ingestCheck
                    + " and " + lists.key.checkValue() + "), and no identifier could ever match");
        }
        return lists.form == IdentifierForm.PSEUDONYMISED ? lists
                : new Watchlists(lists.key, lists.lists, IdentifierForm.PSEUDONYMISED);
    }

    /**
     * Checks that every list the bundle's {@code watchlist_match} names was supplied.
     *
     * @param bundle the bundle
     * @param lists  the supplied lists, or {@code null} when none were supplied
     * @throws IllegalArgumentException naming the bundle, the missing list and the supplied ones
     */
    public static void checkCovers(RuleBundle bundle, Watchlists lists) {
        String problem = missing(bundle, lists == null ? List.of() : lists.lists.keySet());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * What is wrong when the bundle's {@code watchlist_match} names a list not among {@code supplied},
     * or {@code null} when nothing is (for shells that know the names only, such as a streaming
     * job's rule stage).
     *
     * @param bundle   the bundle
     * @param supplied the names of the supplied lists
     * @return the problem, naming the bundle, the missing list and the supplied ones; or {@code null}
     */
    public static String missing(RuleBundle bundle, java.util.Collection<String> supplied) {
        WatchlistMatchConfig c = bundle.detectors().watchlistMatch();
        if (c == null || !c.enabled()) {
            return null;
        }
        for (String name : c.lists()) {
            if (!supplied.contains(name)) {
                return "rule bundle " + bundle.id() + "@" + bundle.version() + ": watchlist_match.lists names '" + name
                        + "', which was not supplied; supplied lists: "
                        + (supplied.isEmpty() ? "none" : String.join(", ", supplied))
                        + " (supply it with --watchlist FILE, or remove it from the bundle)";
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Watchlists" + lists.values() + " " + form;
    }
}
