package dev.jobintel.source.demo;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Realistic job-description HTML from parts, consistent with the truth it is written for. */
final class Descriptions {

    private Descriptions() {
    }

    static final String EEO = "<p>We are an equal opportunity employer. We welcome applications from everyone, whatever "
            + "their background, and we make reasonable adjustments throughout our process.</p>";

    static String arrangementSentence(String arrangement, String cityName, SplittableRandom rng) {
        return switch (arrangement) {
            case "remote" -> rng.nextBoolean() ? "<p>This role is fully remote: work from anywhere in the region.</p>"
                    : "<p>We are a remote-first team and this is a fully remote position.</p>";
            case "hybrid" -> rng.nextBoolean() ? "<p>This role is hybrid, with 3 days a week in the office in "
                    + cityName + ".</p>" : "<p>We work hybrid: two days in the office, the rest from wherever you focus best.</p>";
            case "onsite" -> "<p>This is an on-site role, five days a week in our " + cityName + " office.</p>";
            default -> "";
        };
    }

    static String years(int years, SplittableRandom rng) {
        if (years <= 0) {
            return "";
        }
        if (rng.nextInt(3) == 0 && years >= 2) {
            return years + "-" + (years + 3) + " years of professional experience";
        }
        return years + "+ years of experience";
    }

    /** "SQL, Python and dbt". */
    static String join(List<String> skills) {
        if (skills.size() == 1) {
            return skills.get(0);
        }
        return String.join(", ", skills.subList(0, skills.size() - 1)) + " and " + skills.get(skills.size() - 1);
    }

    static String salarySentence(double min, double max, String currency, String period) {
        String per = switch (period) {
            case "hour" -> " per hour";
            case "day" -> " per day";
            case "month" -> " per month";
            default -> " per year";
        };
        return "<p>The salary range for this role is " + money(min, currency) + " - " + money(max, currency) + per
                + ", plus benefits.</p>";
    }

    static String money(double amount, String currency) {
        long v = Math.round(amount);
        String grouped = currency.equals("INR") ? indian(v) : String.format(Locale.ROOT, "%,d", v);
        return switch (currency) {
            case "USD" -> "$" + grouped;
            case "GBP" -> "£" + grouped;
            case "EUR" -> "€" + grouped;
            case "INR" -> "₹" + grouped;
            case "CAD" -> "C$" + grouped;
            case "AUD" -> "A$" + grouped;
            case "SGD" -> "S$" + grouped;
            default -> currency + " " + grouped;
        };
    }

    private static String indian(long v) {
        String s = Long.toString(v);
        if (s.length() <= 3) {
            return s;
        }
        String last3 = s.substring(s.length() - 3);
        String rest = s.substring(0, s.length() - 3);
        StringBuilder sb = new StringBuilder();
        for (int i = rest.length(); i > 0; i -= 2) {
            sb.insert(0, rest.substring(Math.max(0, i - 2), i) + ",");
        }
        return sb + last3;
    }

    /** Filler paragraphs for very long descriptions; each about 400 characters. */
    static final List<String> LONG_FILLER = List.of(
            "<p>Our engineering culture values small, reversible changes, thoughtful reviews and writing things down. "
                    + "We run blameless post-mortems, keep our on-call humane with follow-the-sun rotations, and invest a "
                    + "fifth of our time in paying down the debt that slows us down. You will pair with colleagues across "
                    + "product, design and data, and you will have a say in what we build next.</p>",
            "<p>Benefits include a learning budget, generous parental leave, private health insurance, a pension with "
                    + "employer contributions, a home-office allowance and an annual team retreat. We publish our salary "
                    + "bands internally and review pay twice a year. Everyone gets the same equipment budget and the "
                    + "freedom to choose their tools.</p>",
            "<p>Our interview process has four steps: a conversation with the hiring manager, a take-home exercise or "
                    + "a pairing session of your choice, a conversation about trade-offs, and a values interview with two "
                    + "future colleagues. We reply to every application within ten working days and share feedback at "
                    + "every stage.</p>");
}
