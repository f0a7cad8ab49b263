package org.osecscreener.detect;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;

import org.osecscreener.model.Channel;
import org.osecscreener.model.Money;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/** Builds synthetic transactions for tests, fluently. */
final class Tx {
    private static int seq;
    String id;
    OffsetDateTime time = OffsetDateTime.of(2026, 3, 2, 14, 0, 0, 0, ZoneOffset.ofHours(10));
    String amount = "45.00";
    String currency = "AUD";
    String purpose;
    Party.Builder sender = Party.builder("S-1", "AU").name("John Smith");
    Party.Builder beneficiary = Party.builder("B-1", "PH").name("Maria Cruz Santos");

    static Tx tx() {
        Tx t = new Tx();
        t.id = "T-" + (++seq);
        return t;
    }

    Tx id(String v) { id = v; return this; }
    Tx at(OffsetDateTime v) { time = v; return this; }
    Tx plusDays(double days) { time = time.plusSeconds((long) (days * 86400)); return this; }
    Tx amount(String v, String cur) { amount = v; currency = cur; return this; }
    Tx purpose(String v) { purpose = v; return this; }
    Tx sender(String id, String country, String name) { sender = Party.builder(id, country).name(name); return this; }
    Tx senderType(PartyType t) { sender.type(t); return this; }
    Tx beneficiary(String id, String country, String name) { beneficiary = Party.builder(id, country).name(name); return this; }
    Tx beneficiaryType(PartyType t) { beneficiary.type(t); return this; }
    Tx beneficiaryPhone(String phone) { beneficiary.phone(phone); return this; }
    Tx beneficiaryAddress(String a) { beneficiary.address(a); return this; }

    Transaction build() {
        Currency c = Currency.getInstance(currency);
        return new Transaction(id, time, Money.of(amount, c), Channel.ONLINE, purpose, sender.build(), beneficiary.build(), null);
    }
}
