package org.osecscreener.tools.iso20022;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.osecscreener.io.ParseOutcome;
import org.osecscreener.io.Rejection;
import org.osecscreener.model.Transaction;

/**
 * Streams transactions out of ISO 20022 pacs.008 (FI-to-FI customer credit transfer) XML, one
 * {@link ParseOutcome} per credit transfer transaction ({@code CdtTrfTxInf}), the same outcomes
 * the JSON-lines {@link org.osecscreener.io.TransactionReader} yields, so that callers treat both
 * formats alike. The mapping of each field is documented in {@code docs/iso20022.md}.
 *
 * <h2>What it accepts</h2>
 * Any XML document in which one or more {@code Document} elements in a pacs.008 namespace,
 * versions {@code pacs.008.001.08} to {@code pacs.008.001.13} ({@link #NAMESPACES}), appear at
 * any depth: a bare {@code Document}, a Business Application Header envelope
 * ({@code AppHdr} next to {@code Document}), or a wrapper root holding many messages. Everything
 * outside those {@code Document} elements is ignored. A {@code Document} in another namespace
 * (another message, or an unsupported version) becomes one rejection and is skipped.
 *
 * <h2>Security</h2>
 * The JDK's own StAX parser ({@link XMLInputFactory#newDefaultFactory()}, never one found on the
 * class path) with DTDs and external entities switched off and entity references not replaced.
 * A document type declaration of any kind (external DTD, internal entities such as the
 * "billion laughs", XXE) stops the input with a rejection: nothing inside it is ever resolved.
 * Sizes are bounded: {@link #MAX_MESSAGE_CHARS} per message, {@link #MAX_TRANSACTIONS_PER_MESSAGE},
 * {@link #MAX_ELEMENTS_PER_TRANSACTION}, {@link #MAX_TEXT_CHARS} per element, {@link #MAX_DEPTH}, and
 * {@link #MAX_TOKEN_BYTES} for any single piece of markup (a tag with its attributes, a comment,
 * a processing instruction, a CDATA section), which the JDK parser would otherwise hold in memory
 * whole before this reader sees it.
 *
 * <h2>Outcomes</h2>
 * The reader never throws on bad data. Every credit transfer transaction becomes a
 * {@link ParseOutcome.Parsed} or a {@link ParseOutcome.Rejected}; a bad message (wrong
 * namespace, too big) becomes one rejection; XML that is not well-formed (or holds a DTD) becomes
 * one rejection and ends the input, because a streaming parser cannot resynchronise after it.
 * {@link ParseOutcome#lineNumber()} is the XML line where the transaction (or the problem)
 * starts. A rejection's {@code field} is a path such as
 * {@code /Document/FIToFICstmrCdtTrf/CdtTrfTxInf[3]/IntrBkSttlmAmt} ({@code /Document[2]/...}
 * for the second message of a file) and its {@code raw} a snippet of the transaction's mapped
 * values. It throws {@link IOException} only when the underlying stream fails.
 *
 * <h2>Date-times without an offset</h2>
 * ISO 20022's {@code ISODateTime} allows a local date-time without an offset
 * ({@code 2026-03-01T22:15:00}), and many bank systems send {@code AccptncDtTm} and {@code CreDtTm}
 * that way. Such a time is read in the reader's default zone when one is given
 * ({@link #Pacs008Reader(InputStream, ZoneId)}, the {@code --default-zone} option), never guessed:
 * without one the transaction is rejected with a reason that says so, and a local time that the
 * zone skips or repeats (a daylight-saving change) is rejected either way.
 *
 * <p>Not thread-safe: one reader per stream.
 */
public final class Pacs008Reader implements Closeable {
    /** The pacs.008 namespaces accepted, versions 08 to 13. */
    public static final List<String> NAMESPACES = List.of(
            "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08",
            "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09",
            "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.10",
            "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.11",
            "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.12",
            "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.13");
    /** Most characters of one {@code Document}; the rest of a bigger one is rejected. */
    public static final int MAX_MESSAGE_CHARS = 8 * 1024 * 1024;
    /** Most bytes accepted by {@link #parseMessage(byte[], long)} (one Kafka record). */
    public static final int MAX_MESSAGE_BYTES = MAX_MESSAGE_CHARS;
    /** Most credit transfer transactions in one message; later ones are rejected. */
    public static final int MAX_TRANSACTIONS_PER_MESSAGE = 10_000;
    /** Most elements inside one {@code CdtTrfTxInf}. */
    public static final int MAX_ELEMENTS_PER_TRANSACTION = 1_000;
    /** Most characters of text in one element. */
    public static final int MAX_TEXT_CHARS = 2_048;
    /** Deepest element nesting accepted, counted from the document root. */
    public static final int MAX_DEPTH = 64;
    /**
     * Most bytes the parser may read between two parse events: bounds one tag with its
     * attributes, comment, processing instruction or CDATA section (text is delivered in chunks).
     * A bigger one ends the input with a rejection.
     */
    public static final int MAX_TOKEN_BYTES = 1 << 20;

    private static final String DOCUMENT = "Document";
    private static final String NS_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    private final InputStream in;
    private final ZoneId defaultZone;
    private final TokenGuard guard;
    private final XMLStreamReader xml;
    private final ArrayDeque<ParseOutcome> pending = new ArrayDeque<>();
    private boolean done;
    private String fatalError;

    private int depth;
    private int skipDepth = -1;
    // current Document
    private int docDepth = -1;
    private int docIndex;
    private long docStartChar;
    private boolean docOversized;
    private int txInDoc;
    private String creDtTm;
    private long creDtTmLine;
    private boolean inCreDtTm;
    private final StringBuilder creText = new StringBuilder();
    private final ArrayDeque<String> docPath = new ArrayDeque<>();
    // current CdtTrfTxInf
    private TxFields tx;
    private int txDepth = -1;
    private final ArrayDeque<Integer> relLengths = new ArrayDeque<>();
    private final StringBuilder rel = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private boolean leafOpen;
    private long leafLine;

    private long transactions;
    private long valid;
    private long rejected;
    private long messages;

    /**
     * @param in the XML input, UTF-8 unless its XML declaration says otherwise; closed by {@link #close()}
     */
    public Pacs008Reader(InputStream in) {
        this(in, null);
    }

    /**
     * @param in          the XML input, UTF-8 unless its XML declaration says otherwise; closed by {@link #close()}
     * @param defaultZone the zone in which date-times without an offset are read, or {@code null} to
     *                    reject them
     */
    public Pacs008Reader(InputStream in, ZoneId defaultZone) {
        this.in = Objects.requireNonNull(in, "in");
        this.defaultZone = defaultZone;
        this.guard = new TokenGuard(in);
        XMLStreamReader r;
        try {
            r = newFactory().createXMLStreamReader(guard);
        } catch (XMLStreamException e) {
            r = null;
            fatalError = "malformed XML: " + message(e);
        }
        this.xml = r;
    }

    /**
     * Parses one message held in memory, for example one Kafka record: every credit transfer
     * transaction in it, in order, as outcomes. Never throws on bad data.
     *
     * @param message  the XML bytes of one message (or of several)
     * @param position the record's position in its stream (for example the Kafka offset), named in
     *                 the reason when the record as a whole is rejected (too big, or no pacs.008
     *                 {@code Document}); every other outcome carries the XML line within the record
     * @return the outcomes, at least one
     */
    public static List<ParseOutcome> parseMessage(byte[] message, long position) {
        return parseMessage(message, position, null);
    }

    /**
     * As {@link #parseMessage(byte[], long)}, reading date-times without an offset in {@code defaultZone}.
     *
     * @param defaultZone the zone of date-times without an offset, or {@code null} to reject them
     */
    public static List<ParseOutcome> parseMessage(byte[] message, long position, ZoneId defaultZone) {
        Objects.requireNonNull(message, "message");
        if (message.length > MAX_MESSAGE_BYTES) {
            return List.of(new ParseOutcome.Rejected(new Rejection(1,
                    new String(message, 0, Math.min(message.length, Rejection.MAX_RAW_CHARS), java.nio.charset.StandardCharsets.UTF_8),
                    null, "record " + position + " is " + message.length + " bytes long; at most " + MAX_MESSAGE_BYTES
                    + " bytes are accepted")));
        }
        List<ParseOutcome> out = new ArrayList<>();
        try (Pacs008Reader reader = new Pacs008Reader(new ByteArrayInputStream(message), defaultZone)) {
            ParseOutcome o;
            while ((o = reader.next()) != null) {
                out.add(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
        if (out.isEmpty()) {
            out.add(new ParseOutcome.Rejected(new Rejection(1, "", null,
                    "record " + position + " holds no pacs.008 Document (expected a Document element in namespace "
                            + NS_PREFIX + "pacs.008.001.08 to .13)")));
        }
        return out;
    }

    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not resolved: " + systemId);
        });
        return f;
    }

    /**
     * The next transaction's outcome, or {@code null} at the end of the input.
     *
     * @throws IOException only if reading the underlying stream fails
     */
    public ParseOutcome next() throws IOException {
        while (pending.isEmpty() && !done) {
            if (fatalError != null) {
                fatal(1, null, fatalError);
                break;
            }
            try {
                step();
            } catch (XMLStreamException e) {
                if (e.getNestedException() instanceof TokenGuard.TooLong tooLong) {
                    fatal(currentLine(), currentPath(), tooLong.getMessage() + "; the rest of the input was not read");
                    continue;
                }
                if (e.getNestedException() instanceof IOException io && !(io instanceof CharConversionException)) {
                    throw io;
                }
                // A CharConversionException is bad input (bytes that are not valid in the document's
                // encoding), not a failing stream: a rejection like any other malformed XML.
                Location loc = e.getLocation();
                fatal(loc == null || loc.getLineNumber() < 1 ? currentLine() : loc.getLineNumber(), currentPath(),
                        "malformed XML: " + message(e) + "; the rest of the input was not read");
            }
        }
        ParseOutcome o = pending.poll();
        if (o instanceof ParseOutcome.Parsed) {
            valid++;
        } else if (o instanceof ParseOutcome.Rejected) {
            rejected++;
        }
        return o;
    }

    /**
     * Reads everything, handing each valid transaction and each rejection to a consumer.
     *
     * @throws IOException only if reading the underlying stream fails
     */
    public void forEach(Consumer<? super Transaction> onTransaction, Consumer<? super Rejection> onRejection)
            throws IOException {
        ParseOutcome o;
        while ((o = next()) != null) {
            if (o instanceof ParseOutcome.Parsed p) {
                onTransaction.accept(p.transaction());
            } else if (o instanceof ParseOutcome.Rejected r) {
                onRejection.accept(r.rejection());
            }
        }
    }

    private void step() throws XMLStreamException {
        if (!xml.hasNext()) {
            done = true;
            return;
        }
        int event = xml.next();
        guard.sinceEvent = 0;
        switch (event) {
            case XMLStreamConstants.DTD -> fatal(currentLine(), null,
                    "a document type declaration (DTD) is not accepted: pacs.008 messages have none, and DTDs"
                            + " carry external and expanding entities; the input was not read");
            case XMLStreamConstants.ENTITY_REFERENCE -> fatal(currentLine(), currentPath(),
                    "entity reference '&" + xml.getLocalName() + ";' is not accepted (only the predefined XML"
                            + " entities and character references are); the rest of the input was not read");
            case XMLStreamConstants.START_ELEMENT -> start();
            case XMLStreamConstants.END_ELEMENT -> end();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters();
            case XMLStreamConstants.END_DOCUMENT -> done = true;
            default -> {
                // comments, processing instructions: ignored
            }
        }
    }

    private void start() {
        depth++;
        if (depth > MAX_DEPTH) {
            fatal(currentLine(), currentPath(), "elements are nested " + depth + " deep; at most " + MAX_DEPTH
                    + " levels are accepted; the rest of the input was not read");
            return;
        }
        if (skipDepth >= 0) {
            return;
        }
        String name = xml.getLocalName();
        if (docDepth < 0) {
            if (DOCUMENT.equals(name)) {
                startDocument();
            }
            return;
        }
        if (!docOversized && charOffset() - docStartChar > MAX_MESSAGE_CHARS) {
            docOversized = true;
            abandonTransaction();
            reject(currentLine(), docPrefix(), "message is longer than " + MAX_MESSAGE_CHARS
                    + " characters; the rest of it was not read", "");
            skipDepth = docDepth;
            return;
        }
        if (tx != null) {
            startInTransaction(name);
            return;
        }
        docPath.addLast(name);
        int relDepth = depth - docDepth;
        if (relDepth == 2 && "CdtTrfTxInf".equals(name) && isUnder("FIToFICstmrCdtTrf")) {
            txInDoc++;
            if (txInDoc > MAX_TRANSACTIONS_PER_MESSAGE) {
                reject(currentLine(), txPrefix(), "message holds more than " + MAX_TRANSACTIONS_PER_MESSAGE
                        + " credit transfer transactions; the rest of it was not read", "");
                docPath.removeLast();
                skipDepth = docDepth;
                return;
            }
            tx = new TxFields(txInDoc, currentLine());
            txDepth = depth;
            rel.setLength(0);
            relLengths.clear();
            leafOpen = false;
        } else if (relDepth == 3 && "CreDtTm".equals(name) && isGrpHdr()) {
            inCreDtTm = true;
            creText.setLength(0);
            creDtTmLine = currentLine();
        }
    }

    private void startDocument() {
        String ns = xml.getNamespaceURI();
        docIndex++;
        messages++;
        docDepth = depth;
        docPath.clear();
        docStartChar = charOffset();
        docOversized = false;
        txInDoc = 0;
        creDtTm = null;
        if (ns == null || !NAMESPACES.contains(ns)) {
            String what = ns == null || ns.isEmpty() ? "no namespace"
                    : ns.startsWith(NS_PREFIX + "pacs.008.") ? "unsupported version " + ns.substring(NS_PREFIX.length())
                    : "namespace " + ns;
            reject(currentLine(), docPrefix(), "not a pacs.008 message of a supported version: found " + what
                    + "; accepted: " + NS_PREFIX + "pacs.008.001.08 to pacs.008.001.13", "");
            skipDepth = depth;
        }
    }

    private void startInTransaction(String name) {
        if (tx.elements++ >= MAX_ELEMENTS_PER_TRANSACTION) {
            if (tx.error == null) {
                tx.fail(currentLine(), "", "transaction holds more than " + MAX_ELEMENTS_PER_TRANSACTION + " elements");
            }
        }
        relLengths.addLast(rel.length());
        if (rel.length() > 0) {
            rel.append('/');
        }
        rel.append(name);
        leafOpen = true;
        leafLine = currentLine();
        text.setLength(0);
        if (xml.getAttributeCount() > 0) {
            String ccy = xml.getAttributeValue(null, "Ccy");
            if (ccy != null) {
                tx.add(rel + "@Ccy", ccy.strip(), leafLine);
            }
        }
    }

    private void characters() {
        if (skipDepth >= 0) {
            return;
        }
        if (tx != null && leafOpen) {
            if (text.length() + xml.getTextLength() > MAX_TEXT_CHARS) {
                if (tx.error == null) {
                    tx.fail(leafLine, rel.toString(), "text is longer than " + MAX_TEXT_CHARS + " characters");
                }
                return;
            }
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        } else if (inCreDtTm && creText.length() + xml.getTextLength() <= MAX_TEXT_CHARS) {
            creText.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        }
    }

    private void end() {
        int level = depth--;
        if (skipDepth >= 0) {
            if (level == skipDepth) {
                skipDepth = -1;
                if (level == docDepth) {
                    docDepth = -1;
                }
            }
            return;
        }
        if (docDepth < 0) {
            return;
        }
        if (level == docDepth) {
            docDepth = -1;
            return;
        }
        if (tx != null) {
            if (level == txDepth) {
                finishTransaction();
                docPath.removeLast();
                return;
            }
            if (leafOpen) {
                tx.add(rel.toString(), text.toString().strip(), leafLine);
                leafOpen = false;
            }
            rel.setLength(relLengths.removeLast());
            return;
        }
        if (inCreDtTm && level - docDepth == 3) {
            inCreDtTm = false;
            creDtTm = creText.toString().strip();
        }
        docPath.removeLast();
    }

    private void finishTransaction() {
        TxFields t = tx;
        abandonTransaction();
        transactions++;
        String prefix = txPrefix(t.index);
        if (t.error != null) {
            reject(t.errorLine, t.errorRel.isEmpty() ? prefix : prefix + "/" + t.errorRel, t.error, t.snippet());
            return;
        }
        try {
            Transaction transaction = Pacs008Mapping.map(t, creDtTm, creDtTmLine, defaultZone);
            pending.add(new ParseOutcome.Parsed(t.line, transaction));
        } catch (Pacs008Mapping.Bad b) {
            String field = b.grpHdr() ? docPrefix() + "/FIToFICstmrCdtTrf/GrpHdr/" + b.rel() : prefix + "/" + b.rel();
            reject(b.line() > 0 ? b.line() : t.line, field, b.getMessage(), t.snippet());
        }
    }

    private void abandonTransaction() {
        tx = null;
        txDepth = -1;
        leafOpen = false;
        rel.setLength(0);
        relLengths.clear();
    }

    private boolean isUnder(String parent) {
        // docPath holds the names below Document including the current one
        if (docPath.size() < 2) {
            return false;
        }
        String[] names = docPath.toArray(new String[0]);
        return parent.equals(names[names.length - 2]);
    }

    private boolean isGrpHdr() {
        String[] names = docPath.toArray(new String[0]);
        return names.length == 3 && "FIToFICstmrCdtTrf".equals(names[0]) && "GrpHdr".equals(names[1]);
    }

    private void reject(long line, String field, String reason, String raw) {
        pending.add(new ParseOutcome.Rejected(new Rejection(Math.max(1, line), raw, field, reason)));
    }

    private void fatal(long line, String field, String reason) {
        if (done) {
            return;
        }
        reject(line, field, reason, "");
        done = true;
        tx = null;
    }

    private String docPrefix() {
        return docIndex > 1 ? "/Document[" + docIndex + "]" : "/Document";
    }

    private String txPrefix() {
        return txPrefix(txInDoc);
    }

    private String txPrefix(int index) {
        return docPrefix() + "/FIToFICstmrCdtTrf/CdtTrfTxInf[" + index + "]";
    }

    private String currentPath() {
        if (docDepth < 0) {
            return null;
        }
        if (tx != null) {
            return rel.length() == 0 ? txPrefix() : txPrefix() + "/" + rel;
        }
        return docPath.isEmpty() ? docPrefix() : docPrefix() + "/" + String.join("/", docPath);
    }

    private long currentLine() {
        if (xml == null) {
            return 1;
        }
        Location loc = xml.getLocation();
        return loc == null ? 0 : loc.getLineNumber();
    }

    private long charOffset() {
        Location loc = xml.getLocation();
        return loc == null ? 0 : Math.max(0, loc.getCharacterOffset());
    }

    private static String message(XMLStreamException e) {
        String m = e.getMessage();
        if (m == null) {
            return e.toString();
        }
        // The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the message.
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + 9) : m).strip();
    }

    /** Credit transfer transactions read so far (each became one outcome). */
    public long transactionsRead() {
        return transactions;
    }

    /** Outcomes returned that were valid transactions. */
    public long valid() {
        return valid;
    }

    /** Outcomes returned that were rejections (of a transaction, a message, or the input). */
    public long rejected() {
        return rejected;
    }

    /** {@code Document} elements met so far, of any namespace. */
    public long messages() {
        return messages;
    }

    /**
     * Counts the bytes the parser reads between two events. The JDK parser buffers a whole tag
     * (with its attributes), comment, processing instruction or CDATA section before it returns
     * an event, so without this a single gigantic one would be held in memory whole.
     */
    private static final class TokenGuard extends java.io.FilterInputStream {
        long sinceEvent;

        TokenGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLong {
            sinceEvent += n;
            if (sinceEvent > MAX_TOKEN_BYTES) {
                throw new TooLong();
            }
        }

        /** Bad input, not a failing stream: becomes a rejection. */
        static final class TooLong extends IOException {
            private static final long serialVersionUID = 1L;

            TooLong() {
                super("a single piece of XML markup (a tag with its attributes, a comment, a processing instruction"
                        + " or a CDATA section) is longer than " + MAX_TOKEN_BYTES + " bytes");
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // nothing held beyond the stream
        } finally {
            in.close();
        }
    }
}
