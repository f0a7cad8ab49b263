package org.osecscreener.privacy.ingest;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.osecscreener.cluster.AddressNormaliser;
import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.NameNormaliser;
import org.osecscreener.cluster.NormalisationFlag;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.io.Rejection;
import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;
import org.osecscreener.privacy.Mask;
import org.osecscreener.privacy.PseudonymTokens;
import org.osecscreener.privacy.Pseudonymiser;

/**
 * Pseudonymisation at ingest: replaces every identifier of a transaction's parties by keyed
 * HMAC-SHA256 pseudonyms before anything else sees it, so that screening state, alerts and logs
 * hold pseudonyms only, while screening decides exactly as it would on the raw values.
 *
 * <p>What happens to each field of a {@link Party} ({@code docs/privacy.md} has the full table):
 * <ul>
 *   <li><b>id</b>: {@code pseudonym("id", id)}. Alerts, suppressions and allow lists then name
 *       parties by these pseudonyms.</li>
 *   <li><b>phone, wallet, account, e-mail, device, pick-up location</b>: the field is normalised
 *       on its own by the payee-cluster {@link IdentifierNormaliser} (with the same
 *       {@link ClusterConfig}), and each identifier it yields becomes
 *       {@code pseudonym(type.tag(), normalisedValue)}, exactly what
 *       {@link PayeeIdentifiers#pseudonymised} gives; the normaliser's flags follow as {@code !u}
 *       (unparseable phone), {@code !w} (wallet is a phone number), {@code !p} (placeholder). A field
 *       whose link type is off yields nothing and is dropped: nothing reads it.</li>
 *   <li><b>name</b>: the name identifier as above (when name links are on) and
 *       {@code pseudonym("surname", foldedSurname)} and, when the name has a maternal middle name,
 *       the middle name's surname pseudonym tagged {@code middle:}, so that family links still
 *       compare surnames and middle names for equality.</li>
 *   <li><b>address</b>: the address identifier as above and
 *       {@code pseudonym("family_address", normalisedAddress)} (without the country, as the family
 *       key compares it).</li>
 *   <li><b>ip</b>: dropped (nothing reads it). <b>type, country</b>: kept (not identifiers).</li>
 * </ul>
 * The transaction's id, time, amount, channel, purpose and label are kept: the id is the
 * operator's join key back to its own records, and the purpose text is what cover-keyword rules
 * read (live rule updates may change the keywords, so it cannot be reduced at ingest).
 *
 * <p>The normaliser recognises pseudonymised fields ({@link PseudonymTokens}) and passes them
 * through, so {@code normaliser.normalise(party(raw))} equals
 * {@code normaliser.normalise(raw).pseudonymised(pseudonymiser)}: clusters over pseudonyms are the
 * clusters over raw values, and identifier tokens match lists hashed with the same key.
 *
 * <p>Thread-safe. Pseudonymising a party costs about ten HMACs and up to two phone-number parses
 * (tens of microseconds), so the pseudonymised forms of the {@value #CACHE_PARTIES} most recently
 * seen parties are kept in memory, keyed by an HMAC of the whole raw party: a party seen before
 * costs one HMAC, and the cache holds no raw value. It is only on the path when the mode is on.
 */
public final class IngestPseudonymiser {
    /** Tag of the surname pseudonym in a pseudonymised name. */
    public static final String SURNAME = "surname";
    /** Tag of the maternal middle-name pseudonym in a pseudonymised name. */
    public static final String MIDDLE = "middle";
    /** Tag of the country-free address pseudonym in a pseudonymised address. */
    public static final String FAMILY_ADDRESS = "family_address";
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    /** Distinct parties whose pseudonymised form is kept, by a keyed hash of the whole raw party. */
    public static final int CACHE_PARTIES = 100_000;

    private final Pseudonymiser pseudonymiser;
    private final IdentifierNormaliser normaliser;
    private final Cache<String, Party> cache;

    private IngestPseudonymiser(Pseudonymiser pseudonymiser, ClusterConfig config) {
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
        this.normaliser = new IdentifierNormaliser(Objects.requireNonNull(config, "config"));
        this.cache = Caffeine.newBuilder().maximumSize(CACHE_PARTIES).executor(Runnable::run).build();
    }

    /**
     * An ingest step for a key and the clustering settings that screening uses.
     *
     * @param pseudonymiser the keyed pseudonymiser
     * @param config        the payee-cluster settings of the screener (link types, placeholders,
     *                      default region): the same as the resolver's, or clusters differ
     * @return the step
     */
    public static IngestPseudonymiser of(Pseudonymiser pseudonymiser, ClusterConfig config) {
        return new IngestPseudonymiser(pseudonymiser, config);
    }

    /**
     * The transaction with both parties pseudonymised.
     *
     * @param tx a valid transaction with raw identifiers
     * @return the pseudonymised transaction
     */
    public Transaction apply(Transaction tx) {
        return new Transaction(tx.id(), tx.timestamp(), tx.amount(), tx.channel(), tx.purpose(), party(tx.sender()),
                party(tx.beneficiary()), tx.label());
    }

    /**
     * A party with every identifier pseudonymised (see the class description).
     *
     * @param raw the party as read
     * @return the pseudonymised party
     */
    public Party party(Party raw) {
        String key = pseudonymiser.pseudonym("party", fingerprint(raw));
        Party p = cache.getIfPresent(key);
        if (p == null) {
            p = pseudonymise(raw);
            cache.put(key, p);
        }
        return p;
    }

    /** Every field of the party, unambiguously joined (NUL cannot occur in a valid field). */
    private static String fingerprint(Party p) {
        StringBuilder sb = new StringBuilder(160);
        for (String v : new String[] {p.id(), p.type().name(), p.name(), p.country(), p.account(), p.phone(), p.wallet(),
                p.email(), p.address(), p.pickupLocation(), p.device()}) {
            if (v != null) {
                sb.append(v);
            }
            sb.append(v == null ? '\u0001' : '\u0000');
        }
        return sb.toString();
    }

    private Party pseudonymise(Party raw) {
        String c = raw.country();
        String name = field(c, raw.name(), Party.Builder::name);
        if (raw.name() != null && !raw.name().isBlank()) {
            org.osecscreener.cluster.FoldedName folded = NameNormaliser.fold(raw.name());
            if (!folded.surname().isEmpty()) {
                name = append(name, pseudonymiser.pseudonym(SURNAME, folded.surname()));
            }
            if (!folded.middleName().isEmpty()) {
                // keyed as a surname (so a relative's surname and this middle name compare equal), tagged as middle
                String asSurname = pseudonymiser.pseudonym(SURNAME, folded.middleName());
                name = append(name, MIDDLE + asSurname.substring(SURNAME.length()));
            }
        }
        String address = field(c, raw.address(), Party.Builder::address);
        if (raw.address() != null && !raw.address().isBlank()) {
            String a = AddressNormaliser.normalise(raw.address());
            if (!a.isEmpty()) {
                address = append(address, pseudonymiser.pseudonym(FAMILY_ADDRESS, a));
            }
        }
        return new Party(pseudonymiser.pseudonym("id", raw.id()), raw.type(), name, c,
                field(c, raw.account(), Party.Builder::account), field(c, raw.phone(), Party.Builder::phone),
                field(c, raw.wallet(), Party.Builder::wallet), field(c, raw.email(), Party.Builder::email), address,
                field(c, raw.pickupLocation(), Party.Builder::pickupLocation), field(c, raw.device(), Party.Builder::device),
                null);
    }

    /** The tokens of one field normalised on its own, or {@code null} when it yields none. */
    private String field(String country, String value, BiFunction<Party.Builder, String, Party.Builder> set) {
        if (value == null) {
            return null;
        }
        PayeeIdentifiers ids = normaliser.normalise(set.apply(Party.builder("field", country), value).build());
        String out = null;
        for (Identifier id : ids.pseudonymised(pseudonymiser).identifiers()) {
            out = append(out, id.value());
        }
        for (NormalisationFlag f : ids.flags()) {
            out = append(out, flagToken(f));
        }
        return out;
    }

    /**
     * The token of a normalisation flag in a pseudonymised field.
     *
     * @param f the flag
     * @return {@code !u}, {@code !w} or {@code !p}
     */
    public static String flagToken(NormalisationFlag f) {
        return switch (f) {
            case UNPARSEABLE_PHONE -> "!u";
            case WALLET_IS_PHONE -> "!w";
            case PLACEHOLDER_IGNORED -> "!p";
        };
    }

    /**
     * A rejection as a pseudonymised run writes it: without the raw record, and with every quoted
     * value in the reason masked ({@link Mask#text}), since a parser's message may quote a piece
     * of the record. Line (or offset), field and the shape of the reason stay.
     *
     * @param r the rejection as the reader produced it
     * @return the redacted rejection
     */
    public static Rejection redact(Rejection r) {
        Matcher m = QUOTED.matcher(r.reason());
        StringBuilder sb = new StringBuilder(r.reason().length());
        while (m.find()) {
            boolean single = m.group(1) != null;
            String inner = single ? m.group(1) : m.group(2);
            String q = single ? "'" : "\"";
            m.appendReplacement(sb, Matcher.quoteReplacement(q + Mask.text(inner) + q));
        }
        m.appendTail(sb);
        return new Rejection(r.lineNumber(), "", r.field(), sb.toString());
    }

    private static String append(String field, String token) {
        return field == null ? token : field + ' ' + token;
    }

    @Override
    public String toString() {
        return "IngestPseudonymiser[" + pseudonymiser + "]";
    }
}
