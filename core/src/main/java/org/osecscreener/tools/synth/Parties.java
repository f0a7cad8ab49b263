package org.osecscreener.tools.synth;

import java.util.Map;
import java.util.SplittableRandom;

import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;

/**
 * The parties of one {@link World}: sender and beneficiary ids (salted, so that two seeds give
 * different ids), senders, payees with their phones, wallets, accounts and pick-up points,
 * addresses, facilitators, rings and charities. Every draw comes from the random source the
 * caller passes, in the caller's order, so the world stays deterministic.
 */
final class Parties {
    final GeneratorConfig c;
    /** The world's own random source (charities split it). */
    final SplittableRandom rng;
    final long idSalt;
    long personSeq;
    long householdSeq;
    long senderSeq;
    long beneficiarySeq;

    Parties(GeneratorConfig c, SplittableRandom rng, long idSalt) {
        this.c = c;
        this.rng = rng;
        this.idSalt = idSalt;
    }

    String senderId() {
        return "S-" + hex(senderSeq++);
    }

    String beneficiaryId() {
        return "B-" + hex(beneficiarySeq++ + (1L << 40));
    }

    private String hex(long n) {
        long z = n + idSalt;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return Long.toHexString(z >>> 16 | 1L << 47).substring(1).toUpperCase(java.util.Locale.ROOT);
    }

    static String pad10(long v) {
        String d = Long.toString(v);
        return d.length() >= 10 ? d : "0000000000".substring(d.length()) + d;
    }

    static String emailLocal(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean dot = false;
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c >= 'a' && c <= 'z') {
                b.append(c);
                dot = false;
            } else if (!dot && b.length() > 0) {
                b.append('.');
                dot = true;
            }
        }
        return b.toString();
    }

    Party sender(String country, String name, PartyType type, SplittableRandom r) {
        Geo.Country g = Geo.of(country);
        if (g.beneficiaryOnly()) {
            // The configuration rejects this; a transfer in NGN or XOF could not be screened.
            throw new IllegalStateException("country " + country + " may only receive, never send");
        }
        long p = personSeq++;
        Party.Builder b = Party.builder(senderId(), country).type(type).name(name)
                .account("AC" + country + pad10(Names.scramble7(p) * 1000 + p % 1000))
                .phone(Names.intlPhone(g.phonePrefix(), p))
                .device("d-" + Long.toHexString(r.nextLong() >>> 20));
        if (r.nextDouble() < 0.5) {
            b.email(name == null ? "user" + p + "@example.com"
                    : emailLocal(name) + p % 100 + "@example.com");
        }
        return b.build();
    }

    /** A payee in the Philippines (or another country) at the given address. */
    Party payee(String country, String name, String address, String phone, SplittableRandom r) {
        Party.Builder b = Party.builder(beneficiaryId(), country).name(name).address(address);
        long p = personSeq++;
        String ph = phone != null ? phone : mobile(country, p);
        // E-wallets: GCash and Maya in the Philippines, Orange/MTN/Moov Money in Côte d'Ivoire.
        if (r.nextDouble() < 0.35 && (country.equals("PH") || country.equals("CI"))) {
            b.wallet(ph.replace(" ", ""));
        } else {
            b.phone(ph);
        }
        if (r.nextDouble() < 0.3) {
            b.account(country + "-" + pad10(Names.scramble7(p) * 1000 + p % 1000));
        }
        if (r.nextDouble() < 0.3) {
            b.pickupLocation("Agent " + (100 + r.nextInt(900)) + " " + (country.equals("PH")
                    ? Names.pick(Names.PH_CITY, r) : country));
        }
        return b.build();
    }

    String address(String country, SplittableRandom r) {
        long h = householdSeq++;
        return switch (country) {
            case "PH" -> Names.phAddress(h, r);
            case "NG", "CI" -> Names.westAfricaAddress(country, h);
            default -> Names.streetAddress(h, "City " + country);
        };
    }

    /** A unique mobile number for person {@code p}, in the local style where the generator has one. */
    static String mobile(String country, long p) {
        return switch (country) {
            case "PH" -> Names.phMobile(p);
            case "NG" -> Names.ngMobile(p);
            case "CI" -> Names.ciMobile(p);
            default -> Names.intlPhone(Geo.of(country).phonePrefix(), p);
        };
    }

    Party facilitator(String address, String phone, String surname, SplittableRandom r) {
        String country = weighted(c.countries().osecDestinations(), r);
        String name = country.equals("PH")
                ? Names.filipino(surname != null ? surname : Names.pick(Names.PH_SURNAME, r), Names.pick(Names.PH_SURNAME, r), r)
                : Names.pick(Names.OTHER_GIVEN, r) + " " + Names.pick(Names.OTHER_SURNAME, r);
        return payee(country, name, address != null ? address : address(country, r), phone, r);
    }

    Party[] ring(SplittableRandom r) {
        int size = (int) Math.round(between(c.offenders().ringSize(), r));
        String country = weighted(c.countries().osecDestinations(), r);
        String address = address(country, r);
        long p = personSeq++;
        String phone = mobile(country, p);
        String surname = Names.pick(Names.PH_SURNAME, r);
        Party[] members = new Party[size];
        boolean[] sharesPhone = new boolean[size];
        for (int i = 0; i < size; i++) {
            sharesPhone[i] = r.nextDouble() < c.offenders().ringSharedIdentifier();
        }
        int firstSharer = -1;
        for (int i = 0; i < size && firstSharer < 0; i++) {
            firstSharer = sharesPhone[i] ? i : -1;
        }
        for (int i = 0; i < size; i++) {
            String s = r.nextDouble() < 0.4 ? surname : null;
            // A member with the ring's phone may live elsewhere, except the first one, who stays
            // at the ring's address with every member without the phone: so every member shares
            // the phone or the address with another member.
            String a = sharesPhone[i] && i != firstSharer && r.nextBoolean() ? address(country, r) : address;
            Party m = payee(country, country.equals("PH") ? Names.filipino(s != null ? s : Names.pick(Names.PH_SURNAME, r),
                            Names.pick(Names.PH_SURNAME, r), r) : Names.pick(Names.OTHER_GIVEN, r) + " " + Names.pick(Names.OTHER_SURNAME, r),
                    a, sharesPhone[i] ? phone : null, r);
            members[i] = m;
        }
        return members;
    }

    Party charity(int i) {
        SplittableRandom r = rng.split();
        return Party.builder(beneficiaryId(), "PH").type(PartyType.ORGANIZATION)
                .name(Names.pick(new String[] {"Bahay", "Kalinga", "Pag-asa", "Tahanan", "Liwanag"}, r) + " Foundation " + (i + 1))
                .account("PH-CHARITY-" + (1000 + i)).address(address("PH", r)).phone(Names.phMobile(personSeq++)).build();
    }

    static double between(GeneratorConfig.Range range, SplittableRandom r) {
        return range.min() + (range.max() - range.min()) * r.nextDouble();
    }

    static String weighted(Map<String, Double> m, SplittableRandom r) {
        double total = 0;
        for (double v : m.values()) {
            total += v;
        }
        double x = r.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : m.entrySet()) {
            last = e.getKey();
            x -= e.getValue();
            if (x < 0) {
                return last;
            }
        }
        return last;
    }
}
