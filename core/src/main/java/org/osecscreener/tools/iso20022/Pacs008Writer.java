package org.osecscreener.tools.iso20022;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.osecscreener.io.TransactionCodec;
import org.osecscreener.model.Party;
import org.osecscreener.model.PartyType;
import org.osecscreener.model.Transaction;

/**
 * Writes transactions as ISO 20022 pacs.008.001.13 messages that {@link Pacs008Reader} reads back
 * into the same transactions, as far as pacs.008 can carry them (the mapping of
 * {@code docs/iso20022.md} in reverse): used by the generator for {@code --format pacs008}.
 *
 * <p>Layout: a {@code Messages} root holding one {@code Document} per {@value #PER_MESSAGE}
 * transactions. Per transaction: the id as {@code EndToEndId} and {@code TxId}; the amount as
 * {@code InstdAmt} and {@code IntrBkSttlmAmt}; the timestamp (with its offset) as
 * {@code AccptncDtTm}; the purpose as {@code RmtInf/Ustrd}; each party's name, address (one
 * {@code AdrLine}), country, phone ({@code CtctDtls/MobNb}), e-mail, its own id
 * ({@code Id/PrvtId/Othr/Id}, or {@code Id/OrgId/Othr/Id} for businesses and organisations), and
 * its account ({@code Acct/Id/Othr/Id}) and wallet ({@code Acct/Prxy/Id}).
 *
 * <p>What does not survive the trip, because pacs.008 has no place for it or derives it:
 * <ul>
 *   <li>party ids: the reader derives them ({@code ACCT:} + account when there is one, else
 *       {@code PTY:} + the party's own id), a one-to-one renaming as long as accounts are not
 *       shared between parties;</li>
 *   <li>a wallet of a party without an account is written as its mobile number
 *       ({@code CtctDtls/MobNb}) when the party has no phone: as a proxy it would become the
 *       derived party id ({@code PRXY:}) and merge payees that share a wallet. The payee-cluster
 *       resolver reads a wallet that is a phone number as that phone, so clusters are unchanged;</li>
 *   <li>the channel (always {@code BANK}), devices, IP addresses, pick-up locations, the
 *       distinction between businesses and organisations, and labels (written to a sidecar by
 *       the generator instead).</li>
 * </ul>
 * Not thread-safe.
 */
public final class Pacs008Writer implements Closeable {
    /** Transactions per {@code Document}. */
    public static final int PER_MESSAGE = 1000;
    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.13";

    private final XMLStreamWriter x;
    private final List<Transaction> pending = new ArrayList<>(PER_MESSAGE);
    private long messages;

    /** @param out the target; closed by {@link #close()} */
    public Pacs008Writer(OutputStream out) throws IOException {
        try {
            x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeComment(" Synthetic data only. ");
            x.writeCharacters("\n");
            x.writeStartElement("Messages");
            x.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException("cannot start pacs.008 output", e);
        }
        this.out = out;
    }

    private final OutputStream out;

    /** Adds a transaction; a message is written every {@value #PER_MESSAGE}. */
    public void write(Transaction tx) throws IOException {
        pending.add(tx);
        if (pending.size() == PER_MESSAGE) {
            flushMessage();
        }
    }

    /** Messages written so far. */
    public long messages() {
        return messages;
    }

    private void flushMessage() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        try {
            messages++;
            x.writeStartElement("Document");
            x.writeDefaultNamespace(NS);
            x.writeStartElement("FIToFICstmrCdtTrf");
            x.writeStartElement("GrpHdr");
            text("MsgId", "OSEC-SYNTH-" + messages);
            text("CreDtTm", TransactionCodec.formatTimestamp(pending.get(0).timestamp()));
            text("NbOfTxs", String.valueOf(pending.size()));
            x.writeEndElement();
            for (Transaction t : pending) {
                transaction(t);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
            pending.clear();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write pacs.008 message " + messages, e);
        }
    }

    private void transaction(Transaction t) throws XMLStreamException {
        x.writeCharacters("\n");
        x.writeStartElement("CdtTrfTxInf");
        x.writeStartElement("PmtId");
        text("EndToEndId", t.id());
        text("TxId", t.id());
        x.writeEndElement();
        amount("IntrBkSttlmAmt", t);
        text("AccptncDtTm", TransactionCodec.formatTimestamp(t.timestamp()));
        amount("InstdAmt", t);
        party("Dbtr", t.sender());
        account("DbtrAcct", t.sender());
        party("Cdtr", t.beneficiary());
        account("CdtrAcct", t.beneficiary());
        if (t.purpose() != null) {
            x.writeStartElement("RmtInf");
            text("Ustrd", t.purpose());
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private void amount(String element, Transaction t) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeAttribute("Ccy", t.amount().currency().getCurrencyCode());
        x.writeCharacters(t.amount().toPlainString());
        x.writeEndElement();
    }

    private static boolean walletAsPhone(Party p) {
        return p.wallet() != null && p.account() == null && p.phone() == null;
    }

    private void party(String role, Party p) throws XMLStreamException {
        x.writeStartElement(role);
        if (p.name() != null) {
            text("Nm", p.name());
        }
        x.writeStartElement("PstlAdr");
        text("Ctry", p.country());
        if (p.address() != null) {
            text("AdrLine", p.address());
        }
        x.writeEndElement();
        x.writeStartElement("Id");
        x.writeStartElement(p.type() == PartyType.PERSON ? "PrvtId" : "OrgId");
        x.writeStartElement("Othr");
        text("Id", p.id());
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        String mobile = p.phone() != null ? p.phone() : walletAsPhone(p) ? p.wallet() : null;
        if (mobile != null || p.email() != null) {
            x.writeStartElement("CtctDtls");
            if (mobile != null) {
                text("MobNb", mobile);
            }
            if (p.email() != null) {
                text("EmailAdr", p.email());
            }
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private void account(String element, Party p) throws XMLStreamException {
        boolean proxy = p.wallet() != null && !walletAsPhone(p);
        if (p.account() == null && !proxy) {
            return;
        }
        x.writeStartElement(element);
        if (p.account() != null) {
            x.writeStartElement("Id");
            x.writeStartElement("Othr");
            text("Id", p.account());
            x.writeEndElement();
            x.writeEndElement();
        }
        if (proxy) {
            x.writeStartElement("Prxy");
            text("Id", p.wallet());
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private void text(String element, String value) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    /** Writes the last message and the end of the document, and closes the stream. */
    @Override
    public void close() throws IOException {
        try {
            flushMessage();
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot finish pacs.008 output", e);
        } finally {
            out.close();
        }
    }
}
