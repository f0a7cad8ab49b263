package org.osecscreener.io;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

import org.osecscreener.model.Party;
import org.osecscreener.model.Transaction;

/** The writing half of {@link TransactionCodec}: one transaction as one JSON object and a newline. */
final class TransactionJsonWriter {
    private TransactionJsonWriter() {
    }

    /** See {@link TransactionCodec#write(Transaction, JsonGenerator)}. */
    static void write(Transaction tx, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", tx.id());
        g.writeFieldName("timestamp");
        Timestamps.writeTimestamp(tx.timestamp(), g);
        g.writeStringField("amount", tx.amount().toPlainString());
        g.writeStringField("currency", tx.amount().currency().getCurrencyCode());
        if (tx.channel() != null) {
            g.writeStringField("channel", tx.channel().name());
        }
        optional(g, "purpose", tx.purpose());
        g.writeFieldName("sender");
        writeParty(tx.sender(), g);
        g.writeFieldName("beneficiary");
        writeParty(tx.beneficiary(), g);
        if (tx.label() != null) {
            g.writeObjectFieldStart("label");
            g.writeBooleanField("osec", tx.label().osec());
            optional(g, "scenario", tx.label().scenario());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void writeParty(Party party, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", party.id());
        g.writeStringField("type", party.type().name());
        optional(g, "name", party.name());
        g.writeStringField("country", party.country());
        optional(g, "account", party.account());
        optional(g, "phone", party.phone());
        optional(g, "wallet", party.wallet());
        optional(g, "email", party.email());
        optional(g, "address", party.address());
        optional(g, "pickupLocation", party.pickupLocation());
        optional(g, "device", party.device());
        optional(g, "ip", party.ip());
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
