package org.osecscreener.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Currency;

import org.osecscreener.io.TransactionCodec.Bad;
import org.osecscreener.model.Channel;
import org.osecscreener.model.Countries;
import org.osecscreener.model.Label;
import org.osecscreener.model.Limits;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/**
 * The reading half of {@link TransactionCodec}'s Jackson path: one JSON object, field by field, into
 * a {@link Transaction}, every problem a {@link Bad} naming the field (worded for the rejection).
 * Duplicate keys are caught with a bit per known field; unknown fields are skipped.
 */
final class TransactionJsonReader {
    private TransactionJsonReader() {
    }

    private static final int F_ID = 1;
    private static final int F_TIMESTAMP = 1 << 1;
    private static final int F_AMOUNT = 1 << 2;
    private static final int F_CURRENCY = 1 << 3;
    private static final int F_CHANNEL = 1 << 4;
    private static final int F_PURPOSE = 1 << 5;
    private static final int F_SENDER = 1 << 6;
    private static final int F_BENEFICIARY = 1 << 7;
    private static final int F_LABEL = 1 << 8;

    static Transaction readTransaction(JsonParser p, TransactionCodec codec) throws IOException, Bad {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new Bad(null, "a line must hold one JSON object, found " + describe(p.currentToken()));
        }
        int seen = 0;
        String id = null;
        String timestampText = null;
        String amountText = null;
        String currencyCode = null;
        Channel channel = null;
        String purpose = null;
        Party sender = null;
        Party beneficiary = null;
        Label label = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "id" -> { bit = F_ID; id = string(p, "id", Limits.ID); }
                case "timestamp" -> { bit = F_TIMESTAMP; timestampText = string(p, "timestamp", Limits.TIMESTAMP_TEXT); }
                case "amount" -> { bit = F_AMOUNT; amountText = amountText(p); }
                case "currency" -> { bit = F_CURRENCY; currencyCode = string(p, "currency", 3); }
                case "channel" -> { bit = F_CHANNEL; channel = channel(p); }
                case "purpose" -> { bit = F_PURPOSE; purpose = string(p, "purpose", Limits.PURPOSE); }
                case "sender" -> { bit = F_SENDER; sender = party(p, "sender"); }
                case "beneficiary" -> { bit = F_BENEFICIARY; beneficiary = party(p, "beneficiary"); }
                case "label" -> { bit = F_LABEL; label = label(p); }
                default -> {
                    bit = 0;
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                throw new Bad(name, "duplicate key '" + name + "': each field may appear once");
            }
            seen |= bit;
        }
        if (p.nextToken() != null) {
            throw new Bad(null, "unexpected content after the JSON object: a line holds exactly one object");
        }
        require(id, "id");
        if (id.isBlank()) {
            throw new Bad("id", "'id' must not be blank");
        }
        require(timestampText, "timestamp");
        require(amountText, "amount");
        require(currencyCode, "currency");
        require(sender, "sender");
        require(beneficiary, "beneficiary");
        Currency currency = codec.currencyOrBad(currencyCode);
        Money amount = AmountText.amount(amountText, currency);
        java.time.ZoneId defaultZone = codec.defaultZone();
        OffsetDateTime timestamp = defaultZone == null ? Timestamps.timestamp(timestampText)
                : Timestamps.timestamp(timestampText, defaultZone);
        return new Transaction(id, timestamp, amount, channel, purpose, sender, beneficiary, label);
    }

    private static final int P_ID = 1;
    private static final int P_TYPE = 1 << 1;
    private static final int P_NAME = 1 << 2;
    private static final int P_COUNTRY = 1 << 3;
    private static final int P_ACCOUNT = 1 << 4;
    private static final int P_PHONE = 1 << 5;
    private static final int P_WALLET = 1 << 6;
    private static final int P_EMAIL = 1 << 7;
    private static final int P_ADDRESS = 1 << 8;
    private static final int P_PICKUP = 1 << 9;
    private static final int P_DEVICE = 1 << 10;
    private static final int P_IP = 1 << 11;

    private static Party party(JsonParser p, String role) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            throw new Bad(role, "required field '" + role + "' is null; expected an object with at least id and country");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new Bad(role, "expected an object, found " + describe(t));
        }
        int seen = 0;
        String id = null;
        PartyType type = null;
        String name = null;
        String country = null;
        String account = null;
        String phone = null;
        String wallet = null;
        String email = null;
        String address = null;
        String pickup = null;
        String device = null;
        String ip = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            int bit;
            switch (field) {
                case "id" -> { bit = P_ID; id = string(p, role, "id", Limits.ID); }
                case "type" -> { bit = P_TYPE; type = partyType(p, role); }
                case "name" -> { bit = P_NAME; name = string(p, role, "name", Limits.NAME); }
                case "country" -> { bit = P_COUNTRY; country = string(p, role, "country", 2); }
                case "account" -> { bit = P_ACCOUNT; account = string(p, role, "account", Limits.ACCOUNT); }
                case "phone" -> { bit = P_PHONE; phone = string(p, role, "phone", Limits.PHONE); }
                case "wallet" -> { bit = P_WALLET; wallet = string(p, role, "wallet", Limits.WALLET); }
                case "email" -> { bit = P_EMAIL; email = string(p, role, "email", Limits.EMAIL); }
                case "address" -> { bit = P_ADDRESS; address = string(p, role, "address", Limits.ADDRESS); }
                case "pickupLocation" -> { bit = P_PICKUP; pickup = string(p, role, "pickupLocation", Limits.PICKUP_LOCATION); }
                case "device" -> { bit = P_DEVICE; device = string(p, role, "device", Limits.DEVICE); }
                case "ip" -> { bit = P_IP; ip = string(p, role, "ip", Limits.IP); }
                default -> {
                    bit = 0;
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                throw new Bad(role + "." + field, "duplicate key '" + field + "' in " + role + ": each field may appear once");
            }
            seen |= bit;
        }
        if (id == null) {
            throw new Bad(role + ".id", "required field '" + role + ".id' is missing");
        }
        if (id.isBlank()) {
            throw new Bad(role + ".id", "'" + role + ".id' must not be blank");
        }
        if (country == null) {
            throw new Bad(role + ".country", "required field '" + role + ".country' is missing");
        }
        if (!Countries.isValid(country)) {
            throw new Bad(role + ".country", "'" + country + "' is not an ISO 3166-1 alpha-2 country code"
                    + " (two upper-case letters, such as PH or AU)");
        }
        return new Party(id, type, name, country, account, phone, wallet, email, address, pickup, device, ip);
    }

    private static Label label(JsonParser p) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new Bad("label", "expected an object {\"osec\":true|false,\"scenario\":\"...\"} or null, found " + describe(t));
        }
        Boolean osec = null;
        String scenario = null;
        int seen = 0;
        String field;
        while ((field = p.nextFieldName()) != null) {
            int bit;
            switch (field) {
                case "osec" -> {
                    bit = 1;
                    JsonToken v = p.nextToken();
                    if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                        throw new Bad("label.osec", "expected true or false, found " + describe(v));
                    }
                    osec = v == JsonToken.VALUE_TRUE;
                }
                case "scenario" -> { bit = 2; scenario = string(p, "label", "scenario", Limits.SCENARIO); }
                default -> {
                    bit = 0;
                    p.nextToken();
                    p.skipChildren();
                }
            }
            if ((seen & bit) != 0) {
                throw new Bad("label." + field, "duplicate key '" + field + "' in label: each field may appear once");
            }
            seen |= bit;
        }
        if (osec == null) {
            throw new Bad("label.osec", "required field 'label.osec' is missing (true or false)");
        }
        return new Label(osec, scenario);
    }

    private static String string(JsonParser p, String field, int max) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.length() > max) {
                throw new Bad(field, "is " + s.length() + " characters long; at most " + max + " are accepted");
            }
            return s;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Bad(field, "expected a string, found " + describe(t));
    }

    private static String string(JsonParser p, String role, String field, int max) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.length() > max) {
                throw new Bad(role + "." + field, "is " + s.length() + " characters long; at most " + max + " are accepted");
            }
            return s;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Bad(role + "." + field, "expected a string, found " + describe(t));
    }

    private static String amountText(JsonParser p) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            String s = p.getText();
            if (s.length() > Limits.AMOUNT_TEXT) {
                throw new Bad("amount", "is " + s.length() + " characters long; at most " + Limits.AMOUNT_TEXT + " are accepted");
            }
            return s;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new Bad("amount", "expected a decimal string such as \"45.00\" or a JSON number, found " + describe(t));
    }

    private static Channel channel(JsonParser p) throws IOException, Bad {
        String s = string(p, "channel", 32);
        if (s == null) {
            return null;
        }
        Channel c = TransactionCodec.channelNamed(s);
        if (c == null) {
            throw new Bad("channel", "'" + s + "' is not a channel; accepted: "
                    + "ONLINE, AGENT, MOBILE_WALLET, BANK, CARD, CRYPTO, OTHER");
        }
        return c;
    }

    private static PartyType partyType(JsonParser p, String role) throws IOException, Bad {
        String s = string(p, role, "type", 32);
        if (s == null) {
            return null;
        }
        PartyType t = TransactionCodec.partyTypeNamed(s);
        if (t == null) {
            throw new Bad(role + ".type", "'" + s + "' is not a party type; accepted: PERSON, BUSINESS, ORGANIZATION");
        }
        return t;
    }

    private static void require(Object value, String field) throws Bad {
        if (value == null) {
            throw new Bad(field, "required field '" + field + "' is missing or null");
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
        };
    }
}
