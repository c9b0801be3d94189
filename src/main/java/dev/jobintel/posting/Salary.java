package dev.jobintel.posting;

import java.util.Locale;

/**
 * A stated pay range. Either bound may be missing (e.g. "up to £80k"), never both.
 * Amounts are in whole currency units per {@link Period}.
 */
public record Salary(Double min, Double max, String currency, Period period) {

    public enum Period {
        YEAR, MONTH, WEEK, DAY, HOUR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses the many spellings sources use ("1 YEAR", "yearly", "per annum", "hourly"...). */
        public static Period parse(String raw) {
            if (raw == null) {
                return null;
            }
            String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (s.isEmpty()) {
                return null;
            }
            if (s.contains("year") || s.contains("annum") || s.contains("annual") || s.equals("yr") || s.equals("pa")) {
                return YEAR;
            }
            if (s.contains("month") || s.equals("mo") || s.equals("pm")) {
                return MONTH;
            }
            if (s.contains("week") || s.equals("wk")) {
                return WEEK;
            }
            if (s.contains("day") || s.contains("daily")) {
                return DAY;
            }
            if (s.contains("hour") || s.equals("hr") || s.equals("ph")) {
                return HOUR;
            }
            return null;
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
}
