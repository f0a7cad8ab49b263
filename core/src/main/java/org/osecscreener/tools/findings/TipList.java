package org.osecscreener.tools.findings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.osecscreener.cluster.ClusterConfig;
import org.osecscreener.cluster.Identifier;
import org.osecscreener.cluster.IdentifierNormaliser;
import org.osecscreener.cluster.IdentifierType;
import org.osecscreener.cluster.NormalisationFlag;
import org.osecscreener.cluster.PayeeIdentifiers;
import org.osecscreener.findings.CoalitionKey;
import org.osecscreener.findings.Finding;
import org.osecscreener.findings.FindingsFile;
import org.osecscreener.findings.ListError;
import org.osecscreener.model.Countries;
import org.osecscreener.model.Party;
import org.osecscreener.privacy.Mask;

/**
 * Reads a plain tip list, as hotline staff type it, and hashes it into findings: each value is
 * normalised exactly as the payee-cluster resolver normalises a party's field
 * ({@link IdentifierNormaliser}) and replaced by its pseudonym under the coalition key. The raw
 * values live only while their row is read; nothing here stores or prints them (errors show
 * masked values).
 *
 * <p>The format: CSV (comma-separated, double quotes around a value that holds a comma or a
 * quote, a doubled quote inside), UTF-8, first line a header naming the columns in any order:
 * {@code type} and {@code value} (required), {@code country}, {@code date}, {@code source},
 * {@code confidence}, {@code reference} (optional). {@code type} is an identifier type tag
 * ({@code phone}, {@code wallet}, {@code account}, {@code email}, {@code device},
 * {@code address}, {@code name}, {@code pickup_location}). Phones, wallets, addresses and names
 * need a country (the row's, else the default), as the resolver reads them with the party's
 * country. Blank lines and lines starting with {@code #} are skipped. Every error is collected
 * with file, line and column. Stateless and thread-safe.
 */
public final class TipList {
    private static final IdentifierNormaliser ALL = new IdentifierNormaliser(new ClusterConfig(
            EnumSet.allOf(IdentifierType.class), ClusterConfig.DEFAULT_HUB_THRESHOLD, 1, 1,
            ClusterConfig.DEFAULT_PLACEHOLDERS, null));
    private static final List<String> COLUMNS = List.of("type", "value", "country", "date", "source", "confidence",
            "reference");
    private static final EnumSet<IdentifierType> NEED_COUNTRY = EnumSet.of(IdentifierType.PHONE, IdentifierType.WALLET,
            IdentifierType.ADDRESS, IdentifierType.NAME, IdentifierType.PICKUP_LOCATION);

    /**
     * Defaults for rows that leave a column out.
     *
     * @param country    ISO 3166-1 alpha-2 country for rows without one, or {@code null}
     * @param date       the date of rows without one
     * @param confidence the confidence of rows without one, in (0, 1]
     */
    public record Defaults(String country, LocalDate date, double confidence) {
        /** @throws IllegalArgumentException if the country is not a code or the confidence is outside (0, 1] */
        public Defaults {
            if (country != null && !Countries.isValid(country)) {
                throw new IllegalArgumentException("country '" + country + "' is not an ISO 3166-1 alpha-2 code");
            }
            Objects.requireNonNull(date, "date");
            if (!(confidence > 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence was " + confidence + "; accepted: (0, 1]");
            }
        }
    }

    /**
     * What a tip list gave.
     *
     * @param findings the hashed entries, one per distinct token (the strongest row kept)
     * @param rows     data rows read
     * @param errors   every problem, with file and line; empty when all rows were accepted
     */
    public record Result(List<Finding> findings, long rows, List<ListError> errors) {
    }

    private TipList() {
    }

    /**
     * Reads and hashes a tip list.
     *
     * @param name       the file name for errors
     * @param in         the CSV; not closed
     * @param key        the coalition key
     * @param listSource the list's source: rows whose source equals it keep none of their own
     * @param defaults   values for omitted columns
     * @return the findings and every error
     * @throws IOException if reading fails
     */
    public static Result read(String name, Reader in, CoalitionKey key, String listSource, Defaults defaults)
            throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<ListError> errors = new ArrayList<>();
        Map<String, Finding> byToken = new LinkedHashMap<>();
        Map<String, Integer> col = null;
        long lineNo = 0;
        long rows = 0;
        String line;
        while ((line = r.readLine()) != null && errors.size() < FindingsFile.MAX_ERRORS) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (cells == null) {
                errors.add(new ListError(name, lineNo, null, "unbalanced double quote; quote a whole value and double"
                        + " any quote inside it"));
                continue;
            }
            if (col == null) {
                col = header(cells, name, lineNo, errors);
                if (col == null) {
                    break;
                }
                continue;
            }
            rows++;
            Finding f = row(cells, col, name, lineNo, key, listSource, defaults, errors);
            if (f != null) {
                byToken.merge(f.token(), f, (a, b) -> b.confidence() > a.confidence()
                        || (b.confidence() == a.confidence() && b.date().isAfter(a.date())) ? b : a);
            }
        }
        if (col == null && errors.isEmpty()) {
            errors.add(new ListError(name, lineNo, null, "no header line; the first line must name the columns, e.g."
                    + " type,value,country,date,source"));
        }
        return new Result(new ArrayList<>(byToken.values()), rows, errors);
    }

    private static Map<String, Integer> header(List<String> cells, String name, long lineNo, List<ListError> errors) {
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i).trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(c)) {
                errors.add(new ListError(name, lineNo, "column " + (i + 1), "unknown column '"
                        + (c.length() > 30 ? c.substring(0, 30) + "…" : c) + "'; accepted: " + String.join(", ", COLUMNS)
                        + " (the first line must be the header)"));
                return null;
            }
            if (col.put(c, i) != null) {
                errors.add(new ListError(name, lineNo, c, "column named twice"));
                return null;
            }
        }
        if (!col.containsKey("type") || !col.containsKey("value")) {
            errors.add(new ListError(name, lineNo, null, "the header must name the columns type and value"));
            return null;
        }
        return col;
    }

    private static Finding row(List<String> cells, Map<String, Integer> col, String name, long lineNo, CoalitionKey key,
                               String listSource, Defaults d, List<ListError> errors) {
        int before = errors.size();
        String tag = cell(cells, col, "type");
        String value = cell(cells, col, "value");
        IdentifierType type = null;
        if (tag == null) {
            errors.add(new ListError(name, lineNo, "type", "required"));
        } else {
            try {
                type = IdentifierType.ofTag(tag.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ListError(name, lineNo, "type", e.getMessage()));
            }
        }
        if (value == null) {
            errors.add(new ListError(name, lineNo, "value", "required"));
        }
        String country = cell(cells, col, "country");
        if (country != null && !Countries.isValid(country)) {
            errors.add(new ListError(name, lineNo, "country", "'" + Mask.text(country)
                    + "' is not an ISO 3166-1 alpha-2 code (two upper-case letters)"));
            country = null;
        }
        if (country == null) {
            country = d.country();
        }
        if (type != null && country == null && NEED_COUNTRY.contains(type)) {
            errors.add(new ListError(name, lineNo, "country", type.tag() + " values are read with a country; add a"
                    + " country column or give a default country"));
        }
        LocalDate date = d.date();
        String dt = cell(cells, col, "date");
        if (dt != null) {
            try {
                date = LocalDate.parse(dt);
            } catch (DateTimeParseException e) {
                errors.add(new ListError(name, lineNo, "date", "not a date; accepted: yyyy-mm-dd"));
            }
        }
        double confidence = d.confidence();
        String cf = cell(cells, col, "confidence");
        if (cf != null) {
            try {
                confidence = Double.parseDouble(cf);
            } catch (NumberFormatException e) {
                confidence = Double.NaN;
            }
            if (!(confidence > 0 && confidence <= 1)) {
                errors.add(new ListError(name, lineNo, "confidence", "accepted: a number in (0, 1]"));
            }
        }
        String source = cell(cells, col, "source");
        if (source != null && (source.length() > Finding.MAX_SOURCE)) {
            errors.add(new ListError(name, lineNo, "source", "at most " + Finding.MAX_SOURCE + " characters"));
        }
        if (source != null && source.equals(listSource)) {
            source = null;
        }
        String reference = cell(cells, col, "reference");
        if (reference != null && !Finding.REFERENCE.matcher(reference).matches()) {
            errors.add(new ListError(name, lineNo, "reference", "accepted: 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'"));
        }
        if (errors.size() > before) {
            return null;
        }
        Identifier id = normalise(type, value, country, name, lineNo, errors);
        if (id == null) {
            return null;
        }
        return new Finding(key.pseudonymiser().pseudonym(id.type().tag(), id.value()), id.type(), date, confidence, "tip",
                source, reference);
    }

    /** The value as the resolver would normalise that field of a party, or {@code null} with an error. */
    private static Identifier normalise(IdentifierType type, String value, String country, String name, long lineNo,
                                        List<ListError> errors) {
        Party.Builder b = Party.builder("tip", country == null ? "PH" : country);
        switch (type) {
            case PHONE -> b.phone(value);
            case WALLET -> b.wallet(value);
            case ACCOUNT -> b.account(value);
            case EMAIL -> b.email(value);
            case DEVICE -> b.device(value);
            case ADDRESS -> b.address(value);
            case NAME -> b.name(value);
            case PICKUP_LOCATION -> b.pickupLocation(value);
            default -> throw new IllegalStateException("unhandled type " + type);
        }
        PayeeIdentifiers ids;
        try {
            ids = ALL.normalise(b.build());
        } catch (IllegalArgumentException e) {
            errors.add(new ListError(name, lineNo, "value", type.tag() + " value " + Mask.text(value) + " is not accepted: "
                    + e.getMessage().replace(value, Mask.text(value))));
            return null;
        }
        if (ids.has(NormalisationFlag.UNPARSEABLE_PHONE)) {
            errors.add(new ListError(name, lineNo, "value", "phone " + Mask.text(value) + " is not a possible phone number"
                    + (country == null ? "" : " in " + country) + "; write it with its country code (+63...) or fix the country"));
            return null;
        }
        if (ids.size() == 0) {
            errors.add(new ListError(name, lineNo, "value", type.tag() + " value " + Mask.text(value)
                    + " is a placeholder (empty, N/A, all zeros, ...) and identifies nobody"));
            return null;
        }
        return ids.get(0);
    }

    private static String cell(List<String> cells, Map<String, Integer> col, String column) {
        Integer i = col.get(column);
        if (i == null || i >= cells.size()) {
            return null;
        }
        String v = cells.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    /** The cells of one CSV line, or {@code null} if a quote is unbalanced. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == '"') {
                return null;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }
}
