package org.osecscreener.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money: a count of minor units of an ISO 4217 currency.
 *
 * <p>Never a {@code double}: 45.00 AUD is {@code Money(4500, AUD)}, 1500 JPY is
 * {@code Money(1500, JPY)} (exponent 0), 1.250 KWD is {@code Money(1250, KWD)} (exponent 3).
 * Currencies without a minor unit definition (such as XAU, gold) are not accepted.
 *
 * @param minorUnits the amount in minor units, zero or more
 * @param currency   the currency
 */
public record Money(long minorUnits, Currency currency) {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};

    /**
     * @throws IllegalArgumentException if the amount is negative, the currency is {@code null},
     *                                  or the currency has no minor-unit exponent
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + minorUnits + " minor units");
        }
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0 || digits >= POW10.length) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode()
                    + " has no minor unit and cannot carry a payment amount");
        }
    }

    /**
     * Parses a decimal amount such as {@code "45.00"} or {@code "1500"}.
     *
     * @param decimal  a plain decimal number, at most as many fraction digits as the currency allows
     * @param currency the currency
     * @return the amount
     * @throws IllegalArgumentException if the text is not a plain non-negative decimal within range
     *                                  or has more fraction digits than the currency allows
     */
    public static Money of(String decimal, Currency currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(decimal);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number: '" + decimal + "'", e);
        }
        return of(value, currency);
    }

    /**
     * Converts an exact decimal amount.
     *
     * @param value    the amount in major units
     * @param currency the currency
     * @return the amount
     * @throws IllegalArgumentException if negative, too large, or more precise than the currency allows
     */
    public static Money of(BigDecimal value, Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode()
                    + " has no minor unit and cannot carry a payment amount");
        }
        if (value.stripTrailingZeros().scale() > digits || value.scale() > digits) {
            throw new IllegalArgumentException("amount " + shown(value) + " has more than " + digits
                    + " fraction digits, the most " + currency.getCurrencyCode() + " allows");
        }
        if (value.compareTo(BigDecimal.valueOf(Limits.MAX_MAJOR_UNITS)) > 0) {
            throw new IllegalArgumentException("amount " + shown(value) + " exceeds "
                    + Limits.MAX_MAJOR_UNITS + " " + currency.getCurrencyCode());
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    /**
     * The value for a message: plain when that is short, else in scientific notation. A plain
     * rendering of {@code 1e-999999999} would be a billion characters (found by fuzzing).
     */
    private static String shown(BigDecimal value) {
        long plainLength = (long) value.precision() + Math.abs((long) value.scale());
        return plainLength <= 64 ? value.toPlainString() : value.toString();
    }

    /** The number of fraction digits of the currency (2 for USD, 0 for JPY, 3 for KWD). */
    public int exponent() {
        return currency.getDefaultFractionDigits();
    }

    /** The amount in major units, exact. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minorUnits, exponent());
    }

    /**
     * The amount in major units as a {@code double}, for scoring arithmetic only (never for
     * storing or comparing money exactly).
     */
    public double toMajorDouble() {
        return minorUnits / (double) POW10[exponent()];
    }

    /** The amount written with exactly the currency's number of fraction digits, e.g. {@code "45.00"}. */
    public String toPlainString() {
        int exp = exponent();
        if (exp == 0) {
            return Long.toString(minorUnits);
        }
        long p = POW10[exp];
        StringBuilder sb = new StringBuilder(24).append(minorUnits / p).append('.');
        String frac = Long.toString(minorUnits % p);
        for (int i = frac.length(); i < exp; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
