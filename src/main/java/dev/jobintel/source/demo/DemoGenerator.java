package dev.jobintel.source.demo;

import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Salary;
import dev.jobintel.source.demo.DemoData.Employer;
import dev.jobintel.source.demo.DemoData.Level;
import dev.jobintel.source.demo.DemoData.Place;
import dev.jobintel.source.demo.DemoData.Role;
import dev.jobintel.source.demo.Truth.Expected;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo dataset, made deterministically from a fixed seed: about 1,600 postings from 48
 * employers on six sources in twenty-odd places, with the variety real boards have —
 * cross-source duplicates, re-sightings, agency postings, missing and messy locations, escaped
 * HTML, salaries in several currencies, empty and very long descriptions, null fields, and
 * lines that are not postings at all. Every record carries the truth it was made from.
 */
public final class DemoGenerator {

    static final long SEED = 20_261_129L;
    static final Instant LATEST = Instant.parse("2026-11-20T09:00:00Z");
    static final int BASE_JOBS = 1_400;

    private DemoGenerator() {
    }

    /** The bundled snapshot as JSON lines with their truth. */
    public static List<DemoPosting> snapshot() {
        List<DemoPosting> out = new ArrayList<>();
        for (DemoRecord r : records()) {
            out.add(new DemoPosting(DemoJsonl.line(r), r.truth()));
        }
        return out;
    }

    /**
     * {@code count} postings of about {@code descriptionChars} characters as JSON lines, for the
     * benchmark. Deterministic for a seed; streamed, never held in memory.
     */
    public static void writeBulk(java.io.Writer out, long count, int descriptionChars, long seed) throws java.io.IOException {
        new BulkWriter(seed, descriptionChars).write(out, count);
    }

    /** The bundled snapshot as structured records, for renderings in each API's format. */
    public static List<DemoRecord> records() {
        return new Builder(new SplittableRandom(SEED)).build();
    }

    /** Management titles: their true labels differ from the role's ladder. */
    private record Manager(String title, String family, String subfamily, String seniority, List<String> skills) {
    }

    private static final List<Manager> MANAGERS = List.of(
            new Manager("Senior Engineering Manager", "software_engineering", "engineering_general", "senior",
                    List.of("Java", "Kubernetes", "Agile")),
            new Manager("Director of Engineering", "software_engineering", "engineering_general", "director",
                    List.of("AWS", "Agile", "Stakeholder management")),
            new Manager("VP of Engineering", "software_engineering", "engineering_general", "executive",
                    List.of("Stakeholder management", "Agile")),
            new Manager("Head of Data", "data", "data_architecture_governance", "director",
                    List.of("SQL", "Snowflake", "dbt", "Stakeholder management")),
            new Manager("Head of Product", "product", "product_management", "director",
                    List.of("Roadmapping", "A/B testing", "Stakeholder management")));

    private static final class Builder {
        private final SplittableRandom rng;
        private final List<DemoRecord> out = new ArrayList<>();
        private final Set<String> jobKeys = new HashSet<>();
        private long counter;

        Builder(SplittableRandom rng) {
            this.rng = rng;
        }

        List<DemoRecord> build() {
            List<DemoRecord> jobs = new ArrayList<>();
            for (int i = 0; i < BASE_JOBS; i++) {
                jobs.add(base(i));
            }
            out.addAll(jobs);
            duplicates(jobs);
            reseen();
            rejects();
            return out;
        }

        // ---- base postings ---------------------------------------------------------------

        private DemoRecord base(int i) {
            Employer e = DemoData.EMPLOYERS.get(i % DemoData.EMPLOYERS.size());
            Expected expected = i % 25 == 7 ? Expected.AGENCY : i % 40 == 13 ? Expected.TOO_SHORT : Expected.NEW_JOB;
            Role role = DemoData.ROLES.get(weighted(DemoData.ROLE_WEIGHTS));
            Level level = role.hasLevels() ? DemoData.LEVELS.get(weighted(DemoData.LEVELS.stream()
                    .mapToInt(Level::weight).toArray())) : DemoData.LEVELS.get(0);
            Manager manager = expected == Expected.NEW_JOB && rng.nextInt(25) == 0
                    ? MANAGERS.get(rng.nextInt(MANAGERS.size())) : null;

            // Where: mostly the employer's hubs, some remote, a few unknown or missing.
            int where = rng.nextInt(100);
            Place place = null;
            String location;
            if (where < 74) {
                place = place(e.hubs().get(rng.nextInt(e.hubs().size())));
            } else if (where < 86) {
                place = remotePlace();
            } else if (where < 96) {
                place = DemoData.PLACES.get(rng.nextInt(DemoData.PLACES.size()));
            }
            if (place != null) {
                location = place.variants().get(rng.nextInt(place.variants().size()));
            } else {
                int u = rng.nextInt(6);
                location = u < 4 ? DemoData.UNKNOWN_PLACES.get(u) : u == 4 ? null : "";
            }
            String cityCode = place == null ? null : place.city();

            String title;
            String family;
            String subfamily;
            String seniority;
            String track;
            List<String> pool;
            String duty;
            if (manager != null) {
                title = manager.title();
                family = manager.family();
                subfamily = manager.subfamily();
                seniority = manager.seniority();
                track = "management";
                pool = manager.skills();
                duty = "lead and grow a team of about ten people, and own its delivery";
            } else {
                title = String.format(Locale.ROOT, level.pattern(), role.title());
                family = role.family();
                subfamily = role.subfamily();
                seniority = level.seniority();
                track = level.track();
                pool = role.skills();
                duty = role.duty();
            }
            boolean german = manager == null && role.subfamily().equals("engineering_general") && level.seniority().equals("mid")
                    && place != null && "DE".equals(place.country()) && rng.nextInt(4) == 0;
            if (german) {
                title = "Softwareentwickler (m/w/d)";
            }
            String team = DemoData.TEAMS.get(rng.nextInt(DemoData.TEAMS.size()));
            String placeKey = place == null ? "none:" + counter : place.key();
            if (!jobKeys.add(e.name() + "|" + title + "|" + placeKey) && !german) {
                title = title + ", " + team;
                jobKeys.add(e.name() + "|" + title + "|" + placeKey);
            }
            if (german && !jobKeys.add(e.name() + "|" + title + "|" + placeKey + "|" + counter)) {
                title = title + " " + team;
            }

            String positionType = seniority.equals("intern") ? "internship" : rng.nextInt(30) == 0 ? "contract" : "full_time";
            String arrangement = arrangement(place, location);

            // Pay: about half state it, in the place's currency.
            Double min = null;
            Double max = null;
            String currency = null;
            String period = null;
            if (rng.nextInt(100) < 48 && place != null && place.currency() != null) {
                currency = place.currency();
                // Employers pay differently, and so do families and jobs within them: a spread, so
                // the pay report's quartiles are quartiles, not one figure repeated.
                double spread = spread(e.name(), 0.85, 1.2) * familyPay(family)
                        * spread(e.name() + "|" + title + "|" + placeKey, 0.93, 1.07);
                if (positionType.equals("contract")) {
                    double rate = Math.round(60 * factor(currency) * spread / 5.0) * 5.0;
                    min = rate;
                    max = rate + Math.round(20 * factor(currency) / 5.0) * 5.0;
                    period = "hour";
                } else {
                    double base = annual(seniority) * factor(currency) * spread;
                    double step = currency.equals("INR") ? 100_000 : currency.equals("SEK") ? 10_000 : 1_000;
                    min = Math.round(base * 0.9 / step) * step;
                    max = Math.round(base * 1.2 / step) * step;
                    period = "year";
                }
            }

            List<String> skills = pick(pool, Math.min(pool.size(), 3 + rng.nextInt(4)));
            Set<String> truthSkills = new LinkedHashSet<>(skills);
            if (manager == null) {
                titleSkills(role).forEach(truthSkills::add);
            }

            String company = e.name();
            String html;
            // Decided once per record: the prose and the hints must agree on where the pay is.
            payInHint = (e.source().equals("ashby") || e.source().equals("lever")) && counter % 2 == 0;
            if (expected == Expected.TOO_SHORT) {
                html = switch ((i / 40) % 5) {
                    case 0 -> null;
                    case 1 -> "";
                    case 2 -> "<p>Apply now!</p>";
                    case 3 -> "See our careers site for details.";
                    default -> "<p>Great role at a great company. Apply today.</p>";
                };
                truthSkills.clear();
            } else {
                boolean blocked = expected == Expected.AGENCY && rng.nextInt(3) > 0;
                if (expected == Expected.AGENCY) {
                    company = blocked ? DemoData.BLOCKED_AGENCIES.get(rng.nextInt(DemoData.BLOCKED_AGENCIES.size()))
                            : DemoData.WORDED_AGENCIES.get(rng.nextInt(DemoData.WORDED_AGENCIES.size()));
                }
                String cityName = place == null || place.city() == null ? "our nearest" : cityName(place);
                html = description(company, e, title, team, duty, skills, level.years(), arrangement, cityName,
                        min, max, currency, period, positionType, expected == Expected.AGENCY && !blocked, german);
                if (expected == Expected.NEW_JOB && i % 280 == 17) {
                    // A few very long descriptions (80–200 KB).
                    StringBuilder sb = new StringBuilder(html);
                    int target = 80_000 + rng.nextInt(120_000);
                    while (sb.length() < target) {
                        sb.append(Descriptions.LONG_FILLER.get(sb.length() % Descriptions.LONG_FILLER.size()));
                    }
                    html = sb.toString();
                }
            }

            String source = e.source();
            String id = id(source);
            Hints hints = hints(source, team, arrangement, positionType, seniority,
                    place == null ? null : place.country(), min, max, currency, period);
            // Pay shown as a structured hint is not repeated in prose (see description()).
            Instant posted = LATEST.minus(Duration.ofHours(rng.nextInt(80 * 24)));
            // Null fields: every optional field is missing somewhere.
            if (expected == Expected.NEW_JOB) {
                switch (i % 97) {
                    case 3 -> company = null;
                    case 5 -> posted = null;
                    case 11 -> {
                        hints = null;
                        if (payInHint) {
                            // The pay was stated only in the hints: with them gone, no salary is stated.
                            min = null;
                            max = null;
                            currency = null;
                            period = null;
                        }
                    }
                    case 19 -> location = null;
                    default -> { }
                }
            }
            if (location == null || location.isBlank()) {
                cityCode = null;
            }
            Truth truth = new Truth(family, subfamily, seniority, track, arrangement, positionType, min, max, currency,
                    period, List.copyOf(truthSkills), cityCode, expected);
            // An agency posts on its own board, under its own name.
            String board = expected == Expected.AGENCY ? slug(company) : e.slug();
            String url = expected == Expected.AGENCY ? url(source, board, id) : url(source, e, id);
            return new DemoRecord(source, board, id, url, company, title, location, html, posted,
                    hints, source.equals("greenhouse"), null, truth);
        }

        private String arrangement(Place place, String location) {
            if (location != null && location.startsWith("Hybrid")) {
                return "hybrid";
            }
            if (location != null && location.toLowerCase(Locale.ROOT).contains("remote")) {
                return "remote";
            }
            if (place != null && place.arrangement() != null) {
                return place.arrangement();
            }
            int a = rng.nextInt(100);
            return a < 42 ? "hybrid" : a < 64 ? "onsite" : a < 76 ? "remote" : "unknown";
        }

        private String description(String company, Employer e, String title, String team, String duty,
                                   List<String> skills, int years, String arrangement, String cityName,
                                   Double min, Double max, String currency, String period, String positionType,
                                   boolean agencyWording, boolean german) {
            StringBuilder sb = new StringBuilder(2_000);
            if (german) {
                sb.append("<p>").append(company).append(" ist ein Unternehmen im Bereich ").append(e.industry())
                        .append(". Wir suchen Verstärkung für unser Team ").append(team).append(".</p>")
                        .append("<p>Du arbeitest mit ").append(Descriptions.join(skills)).append(" und entwickelst ")
                        .append("unsere Plattform weiter. Du bringst ").append(Math.max(years, 2))
                        .append("+ years of experience mit.</p>");
            } else if (agencyWording) {
                sb.append("<p>Our client is a leading ").append(e.industry()).append(" company in ").append(cityName)
                        .append(" and is looking for a ").append(title).append(" to join the ").append(team)
                        .append(" team.</p><p>").append(company).append(" is acting as an employment agency in relation ")
                        .append("to this vacancy.</p>");
            } else {
                sb.append("<p>").append(company).append(" is a ").append(e.industry()).append(" company building ")
                        .append("products people rely on every day. We are looking for a ").append(title)
                        .append(" to join our ").append(team).append(" team.</p>");
            }
            if (!german) {
                int half = Math.max(1, skills.size() / 2);
                sb.append("<p>You will ").append(duty).append(". Day to day you will work with ")
                        .append(Descriptions.join(skills.subList(0, half))).append(".</p>");
                sb.append("<p><strong>What you bring</strong></p><ul>");
                String y = Descriptions.years(years, rng);
                if (!y.isEmpty()) {
                    sb.append("<li>").append(y).append(" in a similar role</li>");
                }
                if (half < skills.size()) {
                    sb.append("<li>Hands-on experience with ").append(Descriptions.join(skills.subList(half, skills.size())))
                            .append("</li>");
                }
                sb.append("<li>Curiosity, ownership and care for the people you work with</li></ul>");
            }
            sb.append(Descriptions.arrangementSentence(arrangement, cityName, rng));
            if (positionType.equals("contract")) {
                sb.append("<p>This is a 6-month contract role with a view to extension.</p>");
            }
            if (min != null && !payInHint) {
                sb.append(Descriptions.salarySentence(min, max, currency, period));
            }
            if (rng.nextInt(10) < 3) {
                sb.append("<p>Everyone who joins receives stock options.</p>");
            }
            switch (rng.nextInt(60)) {
                case 0 -> sb.append("<p>Join us 🚀 and ship with a team that cares 👩‍💻.</p>");
                case 1 -> sb.append("<p>نرحب بالمتقدمين من جميع الخلفيات. אנו מברכים על מועמדים מכל הרקעים.</p>");
                case 2 -> sb.append("<p>Fun fact: our intern once named a table '; DROP TABLE raw_postings; -- and nothing broke.</p>");
                case 3 -> sb.append("<p>Security matters: we never render &lt;script&gt;alert(1)&lt;/script&gt; from user input.</p>");
                default -> { }
            }
            sb.append(Descriptions.EEO);
            return sb.toString();
        }

        /** Ashby and Lever carry pay as structured data in about half the cases (this record's choice). */
        private boolean payInHint;

        private Hints hints(String source, String team, String arrangement, String positionType, String seniority,
                            String country, Double min, Double max, String currency, String period) {
            Salary pay = min != null && payInHint
                    ? new Salary(min, max, currency, Salary.Period.parse(period)) : null;
            List<String> countries = country == null ? List.of() : List.of(country);
            return switch (source) {
                case "greenhouse" -> new Hints(null, null, null, null, team, null, List.of(), Map.of());
                case "lever" -> new Hints(pay, switch (arrangement) {
                    case "remote" -> "remote";
                    case "hybrid" -> "hybrid";
                    case "onsite" -> "on-site";
                    default -> "unspecified";
                }, null, positionType.equals("contract") ? "Contract" : positionType.equals("internship") ? "Internship"
                        : "Permanent", team, null, countries, Map.of());
                case "ashby" -> new Hints(pay, switch (arrangement) {
                    case "remote" -> "Remote";
                    case "hybrid" -> "Hybrid";
                    case "onsite" -> "OnSite";
                    default -> null;
                }, arrangement.equals("remote"), positionType.equals("contract") ? "Contract"
                        : positionType.equals("internship") ? "Intern" : "FullTime", team, null, List.of(), Map.of());
                case "workable" -> new Hints(null, null, arrangement.equals("remote"), positionType.equals("contract")
                        ? "Contract" : positionType.equals("internship") ? "Internship" : "Full-time", team, null,
                        countries, Map.of());
                case "smartrecruiters" -> new Hints(null, arrangement.equals("remote") ? "remote"
                        : arrangement.equals("hybrid") ? "hybrid" : null, null,
                        positionType.equals("contract") ? "contract" : positionType.equals("internship") ? "intern" : "permanent",
                        team, experienceLevel(seniority), countries, Map.of("function", "Engineering"));
                default -> new Hints(null, null, null, positionType.equals("contract") ? "contract" : "full_time", null, null,
                        countries, Map.of());
            };
        }

        private String experienceLevel(String seniority) {
            return switch (seniority) {
                case "intern" -> "internship";
                case "junior" -> "entry_level";
                case "director" -> "director";
                case "executive" -> "executive";
                default -> "mid_senior_level";
            };
        }

        // ---- duplicates, re-sightings, rejects --------------------------------------------

        private void duplicates(List<DemoRecord> jobs) {
            List<DemoRecord> candidates = new ArrayList<>();
            for (DemoRecord r : jobs) {
                if (r.truth().expected() == Expected.NEW_JOB && r.truth().expectedCity() != null && r.company() != null
                        && r.location() != null && !r.location().isBlank() && r.hints() != null) {
                    candidates.add(r);
                }
            }
            int made = 0;
            for (int k = 0; k < candidates.size() && made < 110; k += 9) {
                DemoRecord r = candidates.get(k);
                int copies = rng.nextInt(4) == 0 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    String source = c == 0 && rng.nextInt(10) < 7 ? "adzuna" : otherAts(r.source());
                    Employer e = employerOf(r);
                    String company = e == null ? r.company() : rng.nextBoolean() ? e.legalName() : e.name().toUpperCase(Locale.ROOT);
                    String title = r.title().contains("(m/w/d)") || r.title().contains("(m/f/d)") ? r.title()
                            : rng.nextInt(3) == 0 ? r.title() + " (m/f/d)" : r.title();
                    Place p = place(r.truth().expectedCity());
                    String location = p == null ? r.location() : p.variants().get(rng.nextInt(p.variants().size()));
                    if (location.startsWith("Hybrid") || location.contains("Remote")) {
                        location = r.location();
                    }
                    String id = id(source);
                    String html = r.descriptionHtml();
                    if (source.equals("adzuna") && html != null) {
                        // Adzuna shows a snippet of the description.
                        String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
                        html = text.substring(0, Math.min(500, text.length())) + "…";
                    }
                    Truth t = r.truth().withExpected(Expected.DUPLICATE);
                    if (source.equals("adzuna")) {
                        t = t.withSkills(List.of());
                    }
                    String board = source.equals("adzuna") ? adzunaMarket(p) : e == null ? "unknown" : e.slug();
                    out.add(new DemoRecord(source, board, id, url(source, e, id), company, title, location, html,
                            r.postedAt(), hints(source, "Engineering", r.truth().arrangement(), r.truth().positionType(),
                            r.truth().seniority(), p == null ? null : p.country(), null, null, null, null),
                            source.equals("greenhouse"), null, t));
                    made++;
                }
            }
        }

        /**
         * Postings seen again later in the same snapshot, exactly as before. (A changed re-sighting
         * belongs to a later fetch: inside one snapshot it would make reruns flip between versions.)
         */
        private void reseen() {
            List<DemoRecord> seen = new ArrayList<>(out);
            for (int k = 5; k < seen.size() && k < 5 + 60 * 23; k += 23) {
                DemoRecord r = seen.get(k);
                out.add(new DemoRecord(r.source(), r.board(), r.id(), r.url(), r.company(), r.title(), r.location(),
                        r.descriptionHtml(), r.postedAt(), r.hints(), r.escapedHtml(), null,
                        r.truth().withExpected(Expected.RESEEN)));
            }
        }

        private void rejects() {
            String[] broken = {
                    "{\"source\":\"lever\",\"id\":\"trunc-1\",\"url\":\"https://jobs.lever.co/x/1\",\"title\":\"Backend Eng",
                    "{\"source\":\"greenhouse\",\"id\":",
                    "not json at all",
                    "{\"source\":\"ashby\",\"id\":\"a1\",\"title\":\"Data Engineer\",\"url\":\"https://jobs.ashbyhq.com/x/a1\",}",
                    "[1, 2, 3",
            };
            int at = 97;
            for (String b : broken) {
                insertReject(at, new DemoRecord("lever", null, null, null, null, null, null, null, null, null, false, b,
                        Truth.reject()));
                at += 211;
            }
            for (int k = 0; k < 16; k++) {
                String source = DemoData.EMPLOYERS.get(k).source();
                String id = id(source);
                Employer e = DemoData.EMPLOYERS.get(k);
                String title = switch (k % 4) {
                    case 0 -> null;
                    case 1 -> "   ";
                    case 2 -> "null";
                    default -> "Data Engineer";
                };
                String url = k % 4 == 3 ? null : url(source, e, id);
                insertReject(150 + k * 83, new DemoRecord(source, e.slug(), id, url, e.name(), title, "London",
                        "<p>x</p>", LATEST, null, false, null, Truth.reject()));
            }
        }

        private void insertReject(int at, DemoRecord r) {
            out.add(Math.min(at, out.size()), r);
        }

        // ---- helpers ----------------------------------------------------------------------

        private int weighted(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int x = rng.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private List<String> pick(List<String> pool, int n) {
            List<String> copy = new ArrayList<>(pool);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n && !copy.isEmpty(); i++) {
                out.add(copy.remove(rng.nextInt(copy.size())));
            }
            return out;
        }

        private Place remotePlace() {
            List<Place> remote = DemoData.PLACES.stream().filter(p -> p.city() == null).toList();
            return remote.get(rng.nextInt(remote.size()));
        }

        private String id(String source) {
            counter++;
            return switch (source) {
                case "greenhouse" -> Long.toString(4_100_000_000L + counter * 7_919L);
                case "lever", "ashby" -> new UUID(rng.nextLong(), rng.nextLong()).toString();
                case "workable" -> String.format(Locale.ROOT, "%010X", rng.nextLong() & 0xFF_FFFF_FFFFL);
                case "smartrecruiters" -> Long.toString(744_000_100_000_000L + counter * 3_571L);
                default -> Long.toString(4_900_000_000L + counter * 613L);
            };
        }

        private String otherAts(String source) {
            List<String> ats = List.of("greenhouse", "lever", "ashby", "workable", "smartrecruiters");
            String s;
            do {
                s = ats.get(rng.nextInt(ats.size()));
            } while (s.equals(source));
            return s;
        }

        private String url(String source, Employer e, String id) {
            return url(source, e == null ? "unknown" : e.slug(), id);
        }

        private String url(String source, String slug, String id) {
            return switch (source) {
                case "greenhouse" -> "https://job-boards.greenhouse.io/" + slug + "/jobs/" + id;
                case "lever" -> "https://jobs.lever.co/" + slug + "/" + id;
                case "ashby" -> "https://jobs.ashbyhq.com/" + slug + "/" + id;
                case "workable" -> "https://apply.workable.com/j/" + id;
                case "smartrecruiters" -> "https://jobs.smartrecruiters.com/" + slug + "/" + id;
                default -> "https://www.adzuna.co.uk/jobs/land/ad/" + id + "?se=" + Long.toHexString(rng.nextLong())
                        + "&utm_medium=api&utm_source=jobintel&v=" + Long.toHexString(rng.nextLong());
            };
        }

        private static Employer employerOf(DemoRecord r) {
            for (Employer e : DemoData.EMPLOYERS) {
                if (e.name().equals(r.company())) {
                    return e;
                }
            }
            return null;
        }
    }

    /** A board slug for a company name ("Robert Half" → "roberthalf"). */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The Adzuna market a place belongs to (gb, us, de…); Europe-wide remote postings are searched in de. */
    static String adzunaMarket(Place p) {
        if (p == null || p.country() == null) {
            return p != null && "remote-europe".equals(p.key()) ? "de" : "gb";
        }
        String c = p.country().toLowerCase(Locale.ROOT);
        return ADZUNA_MARKETS.contains(c) ? c : "gb";
    }

    /** The countries Adzuna runs a search market in. */
    static final java.util.Set<String> ADZUNA_MARKETS = java.util.Set.of("gb", "us", "at", "au", "be", "br", "ca", "ch",
            "de", "es", "fr", "in", "it", "mx", "nl", "nz", "pl", "sg", "za");

    static Place place(String key) {
        if (key == null) {
            return null;
        }
        for (Place p : DemoData.PLACES) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        return null;
    }

    static String cityName(Place p) {
        String v = p.variants().get(0);
        int comma = v.indexOf(',');
        return comma < 0 ? v : v.substring(0, comma);
    }

    /** Skills a role's title itself names (the classifier reads titles too). */
    static List<String> titleSkills(Role role) {
        return switch (role.title()) {
            case "iOS Engineer" -> List.of("iOS");
            case "Android Engineer" -> List.of("Android");
            case "Machine Learning Engineer" -> List.of("Machine learning");
            case "Scrum Master" -> List.of("Scrum");
            case "DevOps Engineer" -> List.of("DevOps");
            case "QA Engineer" -> List.of("Quality assurance");
            case "UX Researcher" -> List.of("UX design");
            default -> List.of();
        };
    }

    /** Typical yearly pay in USD by seniority. */
    static double annual(String seniority) {
        return switch (seniority) {
            case "intern" -> 45_000;
            case "junior" -> 85_000;
            case "senior" -> 160_000;
            case "lead" -> 170_000;
            case "staff" -> 200_000;
            case "principal" -> 240_000;
            case "director" -> 230_000;
            case "executive" -> 280_000;
            default -> 120_000;
        };
    }

    /** A factor in [lo, hi) fixed by {@code key}: the same employer pays the same way in every run. */
    static double spread(String key, double lo, double hi) {
        return lo + (hi - lo) * (Math.floorMod(key.hashCode(), 1000) / 1000.0);
    }

    /** How a family's pay sits against software engineering's. */
    static double familyPay(String family) {
        return switch (family) {
            case "product" -> 1.05;
            case "design", "delivery" -> 0.9;
            case "out_of_scope" -> 0.85;
            default -> 1.0;
        };
    }

    /** USD to the local currency, with local pay levels. */
    static double factor(String currency) {
        return switch (currency) {
            case "GBP" -> 0.55;
            case "EUR" -> 0.55;
            case "CHF" -> 0.85;
            case "SEK" -> 6.0;
            case "CAD" -> 0.95;
            case "INR" -> 22.0;
            case "SGD" -> 0.9;
            case "AUD" -> 1.1;
            default -> 1.0;
        };
    }

    static Map<String, Integer> counts(List<DemoRecord> records) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (DemoRecord r : records) {
            m.merge(r.truth().expected().name(), 1, Integer::sum);
        }
        return m;
    }
}
