package org.osecscreener.tools.secondopinion;

import java.util.ArrayList;
import java.util.List;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.tools.secondopinion.Names.Name;
import org.osecscreener.tools.secondopinion.Places.Place;
import org.osecscreener.tools.secondopinion.Places.Style;
import org.osecscreener.tools.secondopinion.Places.Zone;

/**
 * What the scenarios share while the population is built: the seed's random streams, party ids,
 * the actors made so far, party factories, the corridors, and structures several senders pay
 * into (facilitator rings, shops, charities, freelancers, hubs, households, extortion accounts).
 *
 * <p>Build order is fixed, so ids are assigned in the same order for the same seed and size.
 */
final class World {
    // Random stream numbers: scenarios use their ordinal, shared structures these.
    static final int S_RING = 100;
    static final int S_SELLER = 101;
    static final int S_CHARITY = 102;
    static final int S_FREELANCER = 103;
    static final int S_HUB = 104;
    static final int S_HOUSEHOLD = 105;
    static final int S_EXTORTION = 106;
    static final int S_FILLER = 108;
    static final int S_AGENTS = 109;

    final long seed;
    final List<Actor> actors = new ArrayList<>();
    private long senderSeq;
    private long payeeSeq;

    private int agents;

    World(long seed) {
        this.seed = seed;
    }

    /**
     * The next pick-up agent number, unique in the run: a permutation of 1000–9999 (7919 is prime
     * to 9000), then of 10000–99999, so that two agents never share a number by chance.
     */
    int agentNumber() {
        int k = agents++;
        return k < 9000 ? 1000 + (int) ((k * 7919L) % 9000) : 10_000 + (int) (((k - 9000) * 7919L) % 90_000);
    }

    Rng rng(int stream, long index) {
        return new Rng(seed, stream, index);
    }

    String senderId() {
        return "SO-S-" + (++senderSeq);
    }

    String payeeId() {
        return "SO-B-" + (++payeeSeq);
    }

    // ---- Corridors -------------------------------------------------------------------------

    /** Where Filipino workers abroad send from (a rough reading of the diaspora; the doc gives no split). */
    static final String[] OFW = {"US", "SA", "AE", "CA", "AU", "GB", "SG", "HK", "JP", "KR", "IT", "NZ", "DE", "ES", "NO", "CH", "IE"};
    static final double[] OFW_W = {38, 10, 10, 7, 6, 5, 5, 4, 4, 2, 3, 1, 1, 1, 1, 1, 1};
    /** Receiving countries of legitimate family flows. */
    static final String[] FAMILY_TO = {"PH", "MX", "IN", "DO", "CO", "JM", "VN", "GH", "TH", "ID", "RO", "ZA", "UA"};
    static final double[] FAMILY_TO_W = {62, 8, 7, 3, 3, 3, 3, 2, 2, 3, 2, 1, 1};
    /** Demand-side countries of offenders: about half US, then AU and GB near 7% each (AMLC via the typology). */
    static final String[] DEMAND = {"US", "AU", "GB", "CA", "DE", "JP", "SG", "NO", "SE", "NL", "CH", "NZ", "FR", "IE", "AT", "BE", "HK"};
    static final double[] DEMAND_W = {48, 8, 8, 7, 5, 4, 3, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1};
    /** Source countries of OSEC payees: the Philippines above all, then the others the typology names. */
    static final String[] SOURCE = {"PH", "CO", "DO", "MX", "TH", "RO", "GH", "UA", "JM", "IN", "ZA"};
    static final double[] SOURCE_W = {72, 4, 3, 4, 4, 3, 2, 2, 2, 2, 2};
    /** Where foreign buyers, donors and clients are (wider than the offender list, same countries). */
    static final String[] BUYERS = {"US", "AU", "GB", "CA", "DE", "JP", "SG", "FR", "NL", "HK", "KR", "NZ", "SE", "CH", "AE", "IE", "NO", "ES", "IT"};
    static final double[] BUYERS_W = {35, 12, 10, 8, 6, 6, 5, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1};

    /** The sending countries for a family flow to {@code to}. */
    static Place familySender(Rng r, String to) {
        return switch (to) {
            case "PH" -> Places.pick(r, OFW, OFW_W);
            case "MX" -> Places.pick(r, new String[] {"US", "CA"}, new double[] {9, 1});
            case "IN" -> Places.pick(r, new String[] {"AE", "SA", "US", "GB", "SG", "CA"}, new double[] {3, 2, 2, 1.5, 0.5, 1});
            case "DO" -> Places.pick(r, new String[] {"US", "ES"}, new double[] {85, 15});
            case "CO" -> Places.pick(r, new String[] {"US", "ES", "CA"}, new double[] {5, 4, 1});
            case "JM" -> Places.pick(r, new String[] {"US", "GB", "CA"}, new double[] {5, 3, 2});
            case "VN" -> Places.pick(r, new String[] {"US", "JP", "KR", "AU"}, new double[] {5, 2, 1.5, 1.5});
            case "GH" -> Places.pick(r, new String[] {"GB", "US", "DE"}, new double[] {5, 4, 1});
            case "TH" -> Places.pick(r, new String[] {"US", "KR", "JP", "AU", "SE", "NO"}, new double[] {3, 2, 2, 1.5, 0.5, 0.5});
            case "ID" -> Places.pick(r, new String[] {"SA", "MY", "SG", "HK"}, new double[] {3, 3, 2, 2});
            case "RO" -> Places.pick(r, new String[] {"IT", "ES", "DE", "GB"}, new double[] {35, 30, 25, 10});
            case "ZA" -> Places.pick(r, new String[] {"GB", "AU", "US"}, new double[] {6, 2, 2});
            case "UA" -> Places.pick(r, new String[] {"DE", "IT", "GB", "US"}, new double[] {5, 2, 1.5, 1.5});
            default -> throw new IllegalStateException("no corridor to " + to);
        };
    }

    // ---- Parties -----------------------------------------------------------------------------

    /** A sender: always an account, often a phone, e-mail, address, device and IP. */
    Party sender(Rng r, Place place, Zone zone, String name, Name parts, PartyType type) {
        Party.Builder b = Party.builder(senderId(), place.country()).type(type).name(name)
                .account(Identifiers.account(r, place.country()));
        if (r.chance(type == PartyType.PERSON ? 0.7 : 0.5)) {
            b.phone(Identifiers.writePhone(r, place, Identifiers.mobile(r, place)));
        }
        if (r.chance(0.55)) {
            b.email(type == PartyType.PERSON && parts != null ? Identifiers.email(r, parts)
                    : "accounts." + Names.ascii(name).substring(0, Math.min(12, Names.ascii(name).length())) + "@example.com");
        }
        if (r.chance(0.5)) {
            b.address(Identifiers.address(r, place, r.pick(zone.cities())));
        }
        if (r.chance(0.6)) {
            b.device(Identifiers.device(r));
        }
        if (r.chance(0.45)) {
            b.ip(Identifiers.ip(r));
        }
        return b.build();
    }

    /** A new actor for a person named {@code parts}, living in {@code place}. */
    Actor person(SecondOpinionScenario s, Rng r, Place place, Name parts) {
        Zone zone = place.zone(r);
        Party p = sender(r, place, zone, Names.written(r, parts), parts, PartyType.PERSON);
        return add(new Actor(s, p, place, zone.id()));
    }

    /** A new actor for a business or organisation. */
    Actor business(SecondOpinionScenario s, Rng r, Place place, String name, PartyType type) {
        Zone zone = place.zone(r);
        Party p = sender(r, place, zone, name, null, type);
        return add(new Actor(s, p, place, zone.id()));
    }

    Actor add(Actor a) {
        actors.add(a);
        return a;
    }

    /** What a payee is reachable by; the scenario decides. */
    static final class PayeeSpec {
        String phone;
        String wallet;
        String address;
        String pickup;
        String account;
        String email;
        PartyType type = PartyType.PERSON;
    }

    Party payee(Place place, String name, PayeeSpec spec) {
        return Party.builder(payeeId(), place.country()).type(spec.type).name(name).phone(spec.phone).wallet(spec.wallet)
                .address(spec.address).pickupLocation(spec.pickup).account(spec.account).email(spec.email).build();
    }

    /**
     * A relative or an ordinary private payee with the usual mix of identifiers: a phone (70%),
     * for the Philippines often an e-wallet on the same number, an account, a home address
     * ({@code household} when given, rewritten half of the time), a pick-up agent from the town's pool.
     */
    Party ordinaryPayee(Rng r, Place place, String name, String household) {
        PayeeSpec s = new PayeeSpec();
        String city = r.pick(place.zones()[0].cities());
        String mobile = Identifiers.mobile(r, place);
        if (r.chance(0.7)) {
            s.phone = Identifiers.writePhone(r, place, mobile);
        }
        if (place.country().equals("PH") && r.chance(0.4)) {
            s.wallet = Identifiers.wallet(r, place, mobile);
        }
        if (r.chance(0.3)) {
            s.account = Identifiers.account(r, place.country());
        }
        if (household != null) {
            s.address = r.chance(0.5) ? household : Identifiers.rewriteAddress(r, household);
        } else if (r.chance(0.55)) {
            s.address = Identifiers.address(r, place, city);
        }
        if (r.chance(0.3)) {
            s.pickup = townAgent(r, place);
        }
        if (s.phone == null && s.wallet == null && s.account == null && s.pickup == null) {
            s.pickup = townAgent(r, place);
        }
        return payee(place, name, s);
    }

    // Town agents: the ordinary pick-up points, each used by a few payees (a Zipf pool per country).
    private final java.util.Map<String, String[]> agentPools = new java.util.HashMap<>();
    private int agentPoolSize = 400;

    void agentPoolSize(int size) {
        this.agentPoolSize = Math.max(20, size);
    }

    /** A pick-up agent from the country's pool of ordinary agents (popularity Zipf 1.0). */
    String townAgent(Rng r, Place place) {
        String[] pool = agentPools.computeIfAbsent(place.country(), c -> {
            Rng pr = rng(S_AGENTS, c.charAt(0) * 31 + c.charAt(1));
            String[] a = new String[c.equals("PH") ? agentPoolSize : Math.max(20, agentPoolSize / 10)];
            for (int i = 0; i < a.length; i++) {
                a[i] = Identifiers.pickupAgent(pr, place, pr.pick(place.zones()[0].cities()), agentNumber())[pr.between(0, 2)];
            }
            return a;
        });
        double[] cum = zipfCache.computeIfAbsent(pool.length, n -> Rng.zipf(n, 1.0));
        return pool[r.cumulative(cum)];
    }

    private final java.util.Map<Integer, double[]> zipfCache = new java.util.HashMap<>();

    // ---- Channels and words -------------------------------------------------------------------

    static Channel channel(Rng r, double online, double agent, double wallet, double bank, double card) {
        int i = r.weighted(new double[] {online, agent, wallet, bank, card});
        return switch (i) {
            case 0 -> Channel.ONLINE;
            case 1 -> Channel.AGENT;
            case 2 -> Channel.MOBILE_WALLET;
            case 3 -> Channel.BANK;
            default -> Channel.CARD;
        };
    }

    /** The cover descriptions of the typology (indicator 5). */
    static final String[] COVER = {"school fees", "gift", "uniform", "medical bills", "accommodation", "family support", "education",
            "treat", "birthday", "invoice", "expenses", "fees"};
}
