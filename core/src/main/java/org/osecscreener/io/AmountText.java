package org.osecscreener.io;

import java.math.BigDecimal;
import java.util.Currency;

import org.osecscreener.io.TransactionCodec.Bad;
import org.osecscreener.model.Limits;
import org.osecscreener.model.Money;

/**
 * The format's amounts: a decimal text in the currency's minor units, exactly ({@link Money}),
 * with the format's bounds. Plain decimals take a fast path; exponent forms go through
 * {@link BigDecimal}. Shared by {@link TransactionCodec}'s Jackson path and {@link FastLineParser}
 * (through {@code TransactionCodec.amount} and {@code TransactionCodec.POW10}).
 */
final class AmountText {
    private AmountText() {
    }

    /** Powers of ten up to the largest minor-unit exponent a currency may have. */
    static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};

    /** Plain decimals take a fast path; exponent forms go through BigDecimal. */
    static Money amount(String text, Currency currency) throws Bad {
        int exp = currency.getDefaultFractionDigits();
        int n = text.length();
        long whole = 0;
        int i = 0;
        if (n == 0) {
            throw new Bad("amount", "is empty; expected a decimal such as \"45.00\"");
        }
        if (text.charAt(0) == '-') {
            throw new Bad("amount", "must be more than zero, was " + text);
        }
        int digitsBefore = 0;
        while (i < n && isDigit(text.charAt(i))) {
            whole = whole * 10 + (text.charAt(i) - '0');
            i++;
            if (++digitsBefore > 13) {
                throw new Bad("amount", text + " exceeds the largest accepted amount, " + Limits.MAX_MAJOR_UNITS);
            }
        }
        long frac = 0;
        int fracDigits = 0;
        boolean plain = digitsBefore > 0;
        if (plain && i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                if (fracDigits >= exp) {
                    throw new Bad("amount", text + " has more than " + exp + " fraction digits, the most "
                            + currency.getCurrencyCode() + " allows");
                }
                frac = frac * 10 + (text.charAt(i) - '0');
                fracDigits++;
                i++;
            }
            if (fracDigits == 0) {
                plain = false;
            }
        }
        if (!plain || i != n) {
            return amountSlow(text, currency);
        }
        if (whole > Limits.MAX_MAJOR_UNITS) {
            throw new Bad("amount", text + " exceeds the largest accepted amount, " + Limits.MAX_MAJOR_UNITS);
        }
        long minor = whole * POW10[exp] + frac * POW10[exp - fracDigits];
        if (minor <= 0) {
            throw new Bad("amount", "must be more than zero, was " + text);
        }
        return new Money(minor, currency);
    }

    private static Money amountSlow(String text, Currency currency) throws Bad {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Bad("amount", "'" + text + "' is not a decimal number; expected for example \"45.00\"");
        }
        if (value.signum() <= 0) {
            throw new Bad("amount", "must be more than zero, was " + text);
        }
        try {
            return Money.of(value, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Bad("amount", e.getMessage());
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
