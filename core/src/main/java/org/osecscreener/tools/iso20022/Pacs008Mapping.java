package org.osecscreener.tools.iso20022;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.osecscreener.io.LocalTimes;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Countries;
import org.osecscreener.model.Limits;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/**
 * Maps one credit transfer transaction's leaves to a {@link Transaction}. The mapping table is
 * {@code docs/iso20022.md}; the choices in short:
 * <ul>
 *   <li>id: {@code PmtId/UETR}, else {@code PmtId/EndToEndId} (unless {@code NOTPROVIDED}),
 *       else {@code PmtId/TxId};</li>
 *   <li>timestamp: the transaction's {@code AccptncDtTm} (when the debtor's order was accepted,
 *       the closest to initiation) else the group header's {@code CreDtTm}; without an offset, read
 *       in the configured default zone, else rejected;</li>
 *   <li>amount: {@code InstdAmt} (what the debtor instructed, in the sending currency, like the
 *       JSON format's amount) when present, else {@code IntrBkSttlmAmt}, which is required and
 *       checked in either case;</li>
 *   <li>party ids: pacs.008 has none, so one is derived, deterministically, from the account
 *       ({@code IBAN:…}, {@code ACCT:…}, {@code PRXY:…}), else the party's own id
 *       ({@code BIC:…}, {@code LEI:…}, {@code PTY:…}), else name and country
 *       ({@code NAME:PH:} + 20 hex digits of SHA-256 of the folded name);</li>
 *   <li>channel: {@code BANK} (an FI-to-FI credit transfer moves money between accounts).</li>
 * </ul>
 */
final class Pacs008Mapping {
    private static final String NOT_PROVIDED = "NOTPROVIDED";
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private Pacs008Mapping() {
    }

    /** A value that cannot be mapped: where (relative to the transaction, or to GrpHdr) and why. */
    static final class Bad extends Exception {
        private final String rel;
        private final long line;
        private final boolean grpHdr;

        Bad(String rel, long line, String reason) {
            this(rel, line, reason, false);
        }

        Bad(String rel, long line, String reason, boolean grpHdr) {
            super(reason, null, false, false);
            this.rel = rel;
            this.line = line;
            this.grpHdr = grpHdr;
        }

        String rel() {
            return rel;
        }

        long line() {
            return line;
        }

        boolean grpHdr() {
            return grpHdr;
        }
    }

    static Transaction map(TxFields t, String creDtTm, long creLine) throws Bad {
        return map(t, creDtTm, creLine, null);
    }

    /** @param zone the zone of date-times without an offset, or {@code null} to reject them */
    static Transaction map(TxFields t, String creDtTm, long creLine, ZoneId zone) throws Bad {
        String id = id(t);
        OffsetDateTime timestamp = timestamp(t, creDtTm, creLine, zone);
        TxFields.Leaf settlement = one(t, "IntrBkSttlmAmt");
        if (settlement == null) {
            throw new Bad("IntrBkSttlmAmt", t.line, "required field is missing: the interbank settlement amount,"
                    + " for example <IntrBkSttlmAmt Ccy=\"AUD\">45.00</IntrBkSttlmAmt>");
        }
        Money amount = money(t, "IntrBkSttlmAmt");
        if (one(t, "InstdAmt") != null) {
            amount = money(t, "InstdAmt");
        }
        Party sender = party(t, "Dbtr", "DbtrAcct", "debtor");
        Party beneficiary = party(t, "Cdtr", "CdtrAcct", "creditor");
        String purpose = purpose(t);
        try {
            return new Transaction(id, timestamp, amount, Channel.BANK, purpose, sender, beneficiary, null);
        } catch (IllegalArgumentException e) {
            throw new Bad("", t.line, e.getMessage());
        }
    }

    private static String id(TxFields t) throws Bad {
        for (String rel : new String[] {"PmtId/UETR", "PmtId/EndToEndId", "PmtId/TxId"}) {
            TxFields.Leaf l = one(t, rel);
            if (l != null && !l.text().isEmpty() && !NOT_PROVIDED.equals(l.text())) {
                return bounded(rel, l, Limits.ID);
            }
        }
        throw new Bad("PmtId", t.line, "required: a UETR, an EndToEndId other than NOTPROVIDED, or a TxId"
                + " identifies the transaction; none is given");
    }

    private static OffsetDateTime timestamp(TxFields t, String creDtTm, long creLine, ZoneId zone) throws Bad {
        TxFields.Leaf accepted = one(t, "AccptncDtTm");
        if (accepted != null) {
            return dateTime(accepted.text(), "AccptncDtTm", accepted.line(), false, zone);
        }
        if (creDtTm == null) {
            throw new Bad("CreDtTm", t.line, "required field is missing: the group header's creation date and time"
                    + " (or the transaction's AccptncDtTm) gives the timestamp", true);
        }
        return dateTime(creDtTm, "CreDtTm", creLine, true, zone);
    }

    private static OffsetDateTime dateTime(String s, String rel, long line, boolean grpHdr, ZoneId zone) throws Bad {
        if (s.length() > Limits.TIMESTAMP_TEXT) {
            throw new Bad(rel, line, "is " + s.length() + " characters long; at most " + Limits.TIMESTAMP_TEXT
                    + " are accepted", grpHdr);
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException notLocal) {
                throw new Bad(rel, line, "'" + s + "' is not an ISO-8601 date-time,"
                        + " for example 2026-03-01T22:15:00+10:00 or 2026-03-01T12:15:00Z", grpHdr);
            }
            if (zone == null) {
                throw new Bad(rel, line, "'" + s + "' has no offset, so its instant is unknown: set the zone of"
                        + " date-times without an offset with --default-zone (for example --default-zone Asia/Manila"
                        + " or +08:00), or write it with an offset, for example 2026-03-01T22:15:00+10:00", grpHdr);
            }
            try {
                return LocalTimes.inZone(local, zone);
            } catch (DateTimeException dst) {
                throw new Bad(rel, line, "'" + s + "' has no offset and " + dst.getMessage(), grpHdr);
            }
        }
    }

    private static Money money(TxFields t, String rel) throws Bad {
        TxFields.Leaf amount = one(t, rel);
        TxFields.Leaf ccy = one(t, rel + "@Ccy");
        if (ccy == null || ccy.text().isEmpty()) {
            throw new Bad(rel + "/@Ccy", amount.line(), "required attribute Ccy is missing: the ISO 4217 currency"
                    + " code of the amount, for example Ccy=\"AUD\"");
        }
        Currency currency = currency(ccy.text(), rel + "/@Ccy", ccy.line());
        String text = amount.text();
        if (text.isEmpty()) {
            throw new Bad(rel, amount.line(), "is empty; expected a decimal such as 45.00");
        }
        if (text.length() > Limits.AMOUNT_TEXT) {
            throw new Bad(rel, amount.line(), "is " + text.length() + " characters long; at most "
                    + Limits.AMOUNT_TEXT + " are accepted");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Bad(rel, amount.line(), "'" + text + "' is not a decimal number; expected for example 45.00");
        }
        if (value.signum() <= 0) {
            throw new Bad(rel, amount.line(), "must be more than zero, was " + text);
        }
        try {
            return Money.of(value, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Bad(rel, amount.line(), e.getMessage());
        }
    }

    private static Currency currency(String code, String rel, long line) throws Bad {
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new Bad(rel, line, "'" + code + "' is not an ISO 4217 currency code (three upper-case letters, such as USD)");
        }
        Currency c;
        try {
            c = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new Bad(rel, line, "'" + code + "' is not an ISO 4217 currency code");
        }
        if (c.getDefaultFractionDigits() < 0) {
            throw new Bad(rel, line, "'" + code + "' has no minor unit (a metal or testing code) and cannot carry a payment");
        }
        return c;
    }

    private static Party party(TxFields t, String role, String acct, String word) throws Bad {
        String name = text(t, role + "/Nm", Limits.NAME);
        String countryRel = role + "/PstlAdr/Ctry";
        TxFields.Leaf ctry = one(t, countryRel);
        if (ctry == null) {
            countryRel = role + "/CtryOfRes";
            ctry = one(t, countryRel);
        }
        if (ctry == null) {
            throw new Bad(role + "/PstlAdr/Ctry", t.line, "required field is missing: the " + word
                    + "'s country (PstlAdr/Ctry, or CtryOfRes), an ISO 3166-1 alpha-2 code such as PH");
        }
        String country = ctry.text();
        if (!Countries.isValid(country)) {
            throw new Bad(countryRel, ctry.line(), "'" + country + "' is not an ISO 3166-1 alpha-2 country code"
                    + " (two upper-case letters, such as PH or AU)");
        }
        String iban = text(t, acct + "/Id/IBAN", 64);
        String other = text(t, acct + "/Id/Othr/Id", 64);
        String proxy = text(t, acct + "/Prxy/Id", Limits.WALLET);
        String account = iban != null ? iban : other;
        if (account != null && account.length() > Limits.ACCOUNT) {
            throw new Bad(iban != null ? acct + "/Id/IBAN" : acct + "/Id/Othr/Id", t.line,
                    "is " + account.length() + " characters long; at most " + Limits.ACCOUNT + " are accepted");
        }
        String phone = text(t, role + "/CtctDtls/MobNb", Limits.PHONE);
        if (phone == null) {
            phone = text(t, role + "/CtctDtls/PhneNb", Limits.PHONE);
        }
        String email = text(t, role + "/CtctDtls/EmailAdr", Limits.EMAIL);
        String address = address(t, role + "/PstlAdr");
        PartyType type = t.hasUnder(role + "/Id/OrgId") ? PartyType.BUSINESS : PartyType.PERSON;
        String id = partyId(t, role, iban, other, proxy, name, country);
        try {
            return Party.builder(id, country).type(type).name(name).account(account).phone(phone).email(email)
                    .address(address).wallet(proxy).build();
        } catch (IllegalArgumentException e) {
            throw new Bad(role, t.line, e.getMessage());
        }
    }

    private static String partyId(TxFields t, String role, String iban, String other, String proxy, String name,
                                  String country) throws Bad {
        String id;
        if (iban != null) {
            id = "IBAN:" + WHITESPACE.matcher(iban).replaceAll("").toUpperCase(Locale.ROOT);
        } else if (other != null) {
            id = "ACCT:" + other;
        } else if (proxy != null) {
            id = "PRXY:" + proxy;
        } else if (text(t, role + "/Id/OrgId/AnyBIC", 64) != null) {
            id = "BIC:" + text(t, role + "/Id/OrgId/AnyBIC", 64);
        } else if (text(t, role + "/Id/OrgId/LEI", 64) != null) {
            id = "LEI:" + text(t, role + "/Id/OrgId/LEI", 64);
        } else if (text(t, role + "/Id/OrgId/Othr/Id", 64) != null) {
            id = "PTY:" + text(t, role + "/Id/OrgId/Othr/Id", 64);
        } else if (text(t, role + "/Id/PrvtId/Othr/Id", 64) != null) {
            id = "PTY:" + text(t, role + "/Id/PrvtId/Othr/Id", 64);
        } else if (name != null) {
            id = "NAME:" + country + ":" + nameDigest(name);
        } else {
            throw new Bad(role + "/Nm", t.line, "cannot derive a party id: give an account (" + role
                    + "Acct/Id), a party id (" + role + "/Id) or at least a name");
        }
        if (id.length() > Limits.ID) {
            throw new Bad(role, t.line, "the derived party id is " + id.length() + " characters long; at most "
                    + Limits.ID + " are accepted");
        }
        return id;
    }

    /** 20 hex digits of SHA-256 over the name, NFKC-folded, upper-cased and with single spaces. */
    static String nameDigest(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .strip();
        folded = WHITESPACE.matcher(folded).replaceAll(" ");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(folded.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static final String[] STRUCTURED = {"Dept", "SubDept", "StrtNm", "BldgNb", "BldgNm", "Flr", "Room",
        "PstBx", "DstrctNm", "TwnLctnNm", "PstCd", "TwnNm", "CtrySubDvsn"};

    /** The address lines joined with ", "; without lines, the structured parts in a fixed order. */
    private static String address(TxFields t, String rel) throws Bad {
        List<String> parts = new ArrayList<>();
        for (TxFields.Leaf l : t.all(rel + "/AdrLine")) {
            if (!l.text().isEmpty()) {
                parts.add(l.text());
            }
        }
        if (parts.isEmpty()) {
            for (String s : STRUCTURED) {
                String v = text(t, rel + "/" + s, Limits.ADDRESS);
                if (v != null) {
                    parts.add(v);
                }
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String address = String.join(", ", parts);
        if (address.length() > Limits.ADDRESS) {
            throw new Bad(rel, t.line, "the address is " + address.length() + " characters long; at most "
                    + Limits.ADDRESS + " are accepted");
        }
        return address;
    }

    /** {@code Purp/Cd} (or {@code Purp/Prtry}) and the unstructured remittance lines: {@code "GIFT: school fees"}. */
    private static String purpose(TxFields t) throws Bad {
        String code = text(t, "Purp/Cd", 35);
        if (code == null) {
            code = text(t, "Purp/Prtry", 35);
        }
        List<String> lines = new ArrayList<>();
        for (TxFields.Leaf l : t.all("RmtInf/Ustrd")) {
            if (!l.text().isEmpty()) {
                lines.add(l.text());
            }
        }
        String remittance = lines.isEmpty() ? null : String.join(" ", lines);
        String purpose = code == null ? remittance : remittance == null ? code : code + ": " + remittance;
        if (purpose != null && purpose.length() > Limits.PURPOSE) {
            throw new Bad(lines.isEmpty() ? "Purp" : "RmtInf/Ustrd", t.line, "purpose code and remittance information are "
                    + purpose.length() + " characters long together; at most " + Limits.PURPOSE + " are accepted");
        }
        return purpose;
    }

    /** The single value at {@code rel}, or {@code null}; a repeated element is non-conforming. */
    private static TxFields.Leaf one(TxFields t, String rel) throws Bad {
        List<TxFields.Leaf> all = t.all(rel);
        if (all.isEmpty()) {
            return null;
        }
        if (all.size() > 1) {
            throw new Bad(rel, all.get(1).line(), "appears " + all.size() + " times; the schema allows it once");
        }
        return all.get(0);
    }

    /** The non-empty text at {@code rel}, or {@code null}; longer than {@code max} is rejected. */
    private static String text(TxFields t, String rel, int max) throws Bad {
        TxFields.Leaf l = one(t, rel);
        if (l == null || l.text().isEmpty()) {
            return null;
        }
        return bounded(rel, l, max);
    }

    private static String bounded(String rel, TxFields.Leaf l, int max) throws Bad {
        if (l.text().length() > max) {
            throw new Bad(rel, l.line(), "is " + l.text().length() + " characters long; at most " + max + " are accepted");
        }
        return l.text();
    }
}
