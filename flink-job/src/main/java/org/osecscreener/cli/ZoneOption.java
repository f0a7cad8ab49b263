package org.osecscreener.cli;

import java.time.ZoneId;

import org.osecscreener.io.LocalTimes;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --default-zone ZONE}, shared by the commands that read transactions: the zone in which
 * date-times written without an offset are read (pacs.008 {@code AccptncDtTm}/{@code CreDtTm}, JSON
 * {@code timestamp}); without it they are rejected (docs/time-and-order.md).
 */
final class ZoneOption {
    @Option(names = "--default-zone", paramLabel = "ZONE", converter = Converter.class,
            description = "Read date-times written without an offset in ZONE (IANA id such as Asia/Manila, or an offset"
                    + " such as +08:00); without it they are rejected.")
    ZoneId defaultZone;

    /** Parses an IANA zone id or an offset. */
    static final class Converter implements CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return LocalTimes.parseZone(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
