package dev.jobintel.source.demo;

import dev.jobintel.source.demo.DemoData.Place;
import dev.jobintel.source.demo.DemoData.Role;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Many postings fast, for the throughput benchmark: JSON lines streamed to a writer, with the
 * variety of real data (≈10% cross-source duplicates, ≈3% agencies, ≈2% too short, hundreds of
 * employers, dozens of places) and descriptions of a chosen length. Text fragments are
 * rendered and JSON-escaped once, then assembled per line.
 */
final class BulkWriter {

    private static final String[] SOURCES = {"greenhouse", "lever", "ashby", "workable", "smartrecruiters"};
    private static final String[] ADJECTIVES = {"Northern", "Bright", "Silver", "Quantum", "Harbor", "Summit", "Cedar",
            "Atlas", "Nova", "Crimson", "Blue", "Golden", "Iron", "Lunar", "Prairie", "Coastal", "Urban", "Wild"};
    private static final String[] NOUNS = {"Analytics", "Systems", "Labs", "Health", "Payments", "Robotics", "Energy",
            "Logistics", "Media", "Software", "Networks", "Foods"};

    private final SplittableRandom rng;
    private final List<String> companies = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final List<String> rawBodies = new ArrayList<>();

    BulkWriter(long seed, int descriptionChars) {
        this.rng = new SplittableRandom(seed);
        for (String a : ADJECTIVES) {
            for (String n : NOUNS) {
                companies.add(a + " " + n);
            }
        }
        for (Place p : DemoData.PLACES) {
            locations.addAll(p.variants());
        }
        String[] levels = {"", "Senior ", "Staff ", "Junior ", "Lead "};
        for (Role r : DemoData.ROLES) {
            for (String l : levels) {
                titles.add(l + r.title());
            }
        }
        for (int v = 0; v < 64; v++) {
            Role role = DemoData.ROLES.get(v % DemoData.ROLES.size());
            String html = body(role, descriptionChars, v);
            rawBodies.add(html);
            bodies.add(escape(html));
        }
    }

    private String body(Role role, int chars, int variant) {
        StringBuilder sb = new StringBuilder(chars + 600);
        sb.append("<p>We are looking for a ").append(role.title()).append(" to ").append(role.duty()).append(".</p>");
        sb.append("<p>You will work with ").append(Descriptions.join(role.skills())).append(".</p>");
        sb.append("<ul><li>").append(2 + variant % 7).append("+ years of experience in a similar role</li>")
                .append("<li>Curiosity and ownership</li></ul>");
        if (variant % 3 == 0) {
            sb.append(Descriptions.salarySentence(90_000 + variant * 1_000, 120_000 + variant * 1_000, "USD", "year"));
        }
        sb.append(Descriptions.arrangementSentence(variant % 2 == 0 ? "hybrid" : "remote", "London",
                new SplittableRandom(variant)));
        int f = 0;
        while (sb.length() < chars) {
            sb.append(Descriptions.LONG_FILLER.get(f++ % Descriptions.LONG_FILLER.size()));
        }
        sb.append(Descriptions.EEO);
        return sb.toString();
    }

    String company(int board) {
        return companies.get(board % companies.size()) + (board >= companies.size() ? " " + (board / companies.size()) : "");
    }

    String title(long job) {
        return titles.get((int) ((job / 7) % titles.size())) + " " + (job % 997);
    }

    String location(long job) {
        return locations.get((int) ((job / 3) % locations.size()));
    }

    /** A description as HTML (not JSON-escaped), unique to the job. */
    String description(long job) {
        return rawBodies.get((int) (job % rawBodies.size())) + "<p>Reference " + job + ".</p>";
    }

    void write(Writer out, long count) throws IOException {
        StringBuilder line = new StringBuilder(8_192);
        long[] jobIndex = new long[1024];
        int jobs = 0;
        for (long n = 0; n < count; n++) {
            int kind = rng.nextInt(100);
            long job;
            String source;
            if (kind < 10 && jobs > 0) {
                // A cross-source duplicate of a recent job: same company, title and place.
                job = jobIndex[rng.nextInt(Math.min(jobs, jobIndex.length))];
                source = "adzuna";
            } else {
                job = n;
                jobIndex[jobs++ % jobIndex.length] = job;
                source = SOURCES[(int) (job % SOURCES.length)];
            }
            String company = kind >= 10 && kind < 13 ? "Hays" : companies.get((int) (job % companies.size()));
            String title = titles.get((int) ((job / 7) % titles.size())) + " " + (job % 997);
            String location = locations.get((int) ((job / 3) % locations.size()));
            line.setLength(0);
            line.append("{\"source\":\"").append(source).append("\",\"id\":\"").append(n)
                    .append("\",\"url\":\"https://jobs.example.com/").append(source).append('/').append(n)
                    .append("\",\"company\":\"").append(company)
                    .append("\",\"title\":\"").append(title)
                    .append("\",\"location\":\"").append(location)
                    .append("\",\"description\":\"");
            if (kind >= 13 && kind < 15) {
                line.append("Apply now.");
            } else {
                line.append(bodies.get((int) (job % bodies.size()))).append("<p>Reference ").append(job).append(".</p>");
            }
            line.append("\",\"posted_at\":\"2026-11-").append(10 + job % 10).append("T09:00:00Z\"");
            if (source.equals("ashby")) {
                line.append(",\"hints\":{\"workplace\":\"Hybrid\",\"employment_type\":\"FullTime\"}");
            }
            line.append("}\n");
            out.append(line);
        }
    }

    /** JSON string escaping for the fixed fragments (done once, not per line). */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
