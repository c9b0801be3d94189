package dev.jobintel.posting;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stated pay range. Either bound may be missing (e.g. "up to £80k"), never both.
 * Amounts are in whole currency units per {@link Period}.
 */
public record Salary(Double min, Double max, String currency, Period period) {

    /**
     * No pay stated for one person comes near this many units of any currency a year (a senior
     * engineer's pay is about 10^9 in the currencies of the largest numbers); an amount past it
     * is a typo, a unit mix-up or garbage, and would drag every pay figure it joins. The bound of a
     * currency the taxonomy gives none; the taxonomy's own are each currency's (Taxonomy#plausiblePay).
     */
    public static final double MAX_PER_YEAR = 1e10;

    /** An amount as text: "85000", "85,000", "$95k", "1.2m", "EUR 70 000", "70.000", "1.234,50". */
    private static final Pattern AMOUNT = Pattern.compile("^\\s*[^0-9-]{0,4}?(-?[0-9][0-9,. ]*)\\s*([kKmM])?\\s*$");

    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]+,[0-9]{1,2}");
    private static final Pattern GROUPING_DOTS = Pattern.compile("-?[1-9][0-9]{0,2}(\\.[0-9]{3})+");

    public enum Period {
        YEAR(1), MONTH(12), WEEK(52), DAY(260), HOUR(2080);

        private final int perYear;

        Period(int perYear) {
            this.perYear = perYear;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** How many of this period make a working year: the factor pay is annualised by. */
        public int perYear() {
            return perYear;
        }

        private static final Pattern TWICE_OR_HALF = Pattern.compile("(bi|semi)(week|month|annu|year)|fortnight");

        /** Parses the many spellings sources use ("1 YEAR", "yearly", "per annum", "hourly"...). */
        public static Period parse(String raw) {
            if (raw == null) {
                return null;
            }
            String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (s.isEmpty() || TWICE_OR_HALF.matcher(s).find()) {
                // "biweekly", "semi-monthly", "fortnightly": none of the five, and read as one it would halve or double the pay.
                return null;
            }
            if (s.contains("year") || s.contains("annum") || s.contains("annual")) {
                return YEAR;
            }
            if (s.contains("month")) {
                return MONTH;
            }
            if (s.contains("week")) {
                return WEEK;
            }
            if (s.contains("day") || s.contains("daily")) {
                return DAY;
            }
            if (s.contains("hour")) {
                return HOUR;
            }
            // An abbreviation, alone or after "per" ("yr", "per yr", "/mth", "per wk", "hrs"), or "pa", "pm", "pw", "ph".
            return switch (s.startsWith("per") ? s.substring(3) : s) {
                case "yr", "yrs", "pa" -> YEAR;
                case "mo", "mos", "mth", "mths", "pm" -> MONTH;
                case "wk", "wks", "pw" -> WEEK;
                case "hr", "hrs", "ph" -> HOUR;
                default -> null;
            };
        }
    }

    public Salary {
        if (min == null && max == null) {
            throw new IllegalArgumentException("a salary needs at least one bound");
        }
        if (min != null && max != null && min > max) {
            double t = min;
            min = max;
            max = t;
        }
        currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether both bounds could be one person's pay: a year's worth of either (a stated period,
     * else a year) at most {@code maxPerYear}, the currency's bound (Taxonomy#plausiblePay).
     */
    public boolean plausible(double maxPerYear) {
        double factor = period == null ? 1 : period.perYear();
        return (min == null || min * factor <= maxPerYear) && (max == null || max * factor <= maxPerYear);
    }

    /**
     * The digits of an amount in Java's notation: a comma or a dot groups thousands unless it is
     * the decimal mark, which is the later of the two when both appear ("1,234.50", "1.234,50"), a
     * lone comma before one or two digits ("70,5"), and never dots that group digits in threes
     * ("70.000" and "1.200.000" are European thousands: seventy thousand, not seventy).
     */
    private static String plainNumber(String n, boolean suffixed) {
        int dot = n.lastIndexOf('.');
        int comma = n.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            return dot > comma ? n.replace(",", "") : n.replace(".", "").replace(',', '.');
        }
        if (comma >= 0) {
            return DECIMAL_COMMA.matcher(n).matches() ? n.replace(',', '.') : n.replace(",", "");
        }
        return !suffixed && GROUPING_DOTS.matcher(n).matches() ? n.replace(".", "") : n;
    }

    /**
     * The number an amount written as text states, sign included ("-5" is -5.0), with thousands
     * and millions suffixes applied; null when the text is no number ("competitive", "NaN").
     */
    public static Double amount(String text) {
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            double d = Double.parseDouble(plainNumber(m.group(1).replace(" ", ""), m.group(2) != null));
            if (m.group(2) != null) {
                d *= m.group(2).equalsIgnoreCase("k") ? 1_000 : 1_000_000;
            }
            return d;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
