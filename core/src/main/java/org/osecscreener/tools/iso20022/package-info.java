/**
 * ISO 20022 input: {@link org.osecscreener.tools.iso20022.Pacs008Reader} streams pacs.008
 * (FI-to-FI customer credit transfer, versions 001.08 to 001.13) into the same
 * {@link org.osecscreener.io.ParseOutcome}s as the JSON-lines codec, one per credit transfer
 * transaction, with {@code Parsed} transactions and {@code Rejected} records carrying an XML line
 * and a path such as {@code /Document/FIToFICstmrCdtTrf/CdtTrfTxInf[3]/IntrBkSttlmAmt}.
 * {@link org.osecscreener.tools.iso20022.Pacs008Reader#parseMessage(byte[], long)} parses one message
 * held in memory (one Kafka record). The JDK's StAX parser with DTDs and external entities off;
 * the mapping and its choices are documented in {@code docs/iso20022.md}.
 */
package org.osecscreener.tools.iso20022;
