package dev.jobintel.report;

import dev.jobintel.posting.JobHash;
import dev.jobintel.posting.Salary;
import dev.jobintel.store.Dialect;
import dev.jobintel.store.Jdbc;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static dev.jobintel.report.Report.column;

/**
 * The market questions jobintel answers, each a {@link Report} over the enriched jobs a
 * {@link JobFilter} selects: one row per distinct job counted once, however many postings it
 * had. Every query binds its parameters; shares are percentages of the selected jobs.
 */
public final class MarketReports {

    /** Each question's report, in the order an overview shows them. */
    private static final Map<String, Question> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("demand", MarketReports::demand);
        BY_NAME.put("cities", MarketReports::cities);
        BY_NAME.put("skills", MarketReports::skills);
        BY_NAME.put("pay", MarketReports::pay);
        BY_NAME.put("arrangements", MarketReports::arrangements);
        BY_NAME.put("remote", MarketReports::remote);
        BY_NAME.put("employers", MarketReports::employers);
        BY_NAME.put("trends", MarketReports::trends);
        BY_NAME.put("jobs", MarketReports::jobList);
    }

    /** The questions, in the order an overview shows them. */
    public static final List<String> QUESTIONS = List.copyOf(BY_NAME.keySet());

    /** Where a job is, in words: its city, else "Remote" for a remote job, else its country, else unresolved. */
    static final String PLACE = "CASE WHEN j.city_code IS NOT NULL THEN ci.name "
            + "WHEN j.remote_scope IS NOT NULL THEN 'Remote' "
            + "WHEN j.country_code IS NOT NULL THEN co.name ELSE '(unresolved)' END";
    /**
     * {@link #PLACE}, with a job placed only in a country that is named as a city is ("Singapore",
     * "Luxembourg") labelled as the country, not as that city, and a city whose name another city of
     * its country shares (a user's Portland, ME beside Portland, OR) labelled with its code, "Portland
     * (pwm)", as {@code --city} asks for it: the country beside such a city tells it from nothing.
     * Needs {@link #SHARED_NAME_JOIN}.
     */
    static final String PLACE_OR_COUNTRY = "CASE WHEN twin.name IS NOT NULL THEN ci.name || ' (' || ci.code || ')' "
            + "WHEN j.city_code IS NULL AND j.remote_scope IS NULL "
            + "AND namesake.name IS NOT NULL THEN co.name || ' (country)' ELSE " + PLACE + " END";
    static final String PLACE_JOINS = "LEFT JOIN ref_city ci ON ci.code = j.city_code "
            + "LEFT JOIN ref_country co ON co.code = coalesce(ci.country, j.country_code) ";
    /**
     * {@link #PLACE} as one label per place where places are listed without their country: a city
     * whose name another city shares is "Cambridge (United Kingdom)", so the two are never counted
     * as one (one whose namesake is in its own country is named by its code, as {@link #PLACE_OR_COUNTRY}
     * names it). Needs {@link #PLACE_JOINS} and {@link #SHARED_NAME_JOIN}.
     */
    static final String PLACE_LABEL = "CASE WHEN dup.name IS NOT NULL AND twin.name IS NULL THEN ci.name || ' (' || co.name "
            + "|| ')' ELSE " + PLACE_OR_COUNTRY + " END";
    static final String SHARED_NAME_JOIN = "LEFT JOIN (SELECT name FROM ref_city GROUP BY name HAVING count(*) > 1) dup "
            + "ON dup.name = ci.name LEFT JOIN (SELECT name, country FROM ref_city GROUP BY name, country "
            + "HAVING count(*) > 1) twin ON twin.name = ci.name AND twin.country = ci.country "
            + "LEFT JOIN (SELECT DISTINCT name FROM ref_city) namesake ON namesake.name = co.name ";
    /** What tells one place from another (a city's code, remote, a country), to group by with its label. */
    static final String PLACE_KEY = "CASE WHEN j.city_code IS NOT NULL THEN j.city_code WHEN j.remote_scope IS NOT NULL "
            + "THEN '~remote' ELSE '~' || coalesce(j.country_code, '') END";

    /** 1 when job {@code j} is still open, else 0: for counting open jobs. */
    private static final String OPEN_AS_ONE = "CASE WHEN " + JobFilter.STILL_OPEN + " THEN 1 ELSE 0 END";
    /** The earliest date the boards gave for job {@code j}'s postings, or null. */
    private static final String POSTED = "(SELECT min(r.posted_at) FROM raw_postings r WHERE r.job_id = j.id)";

    /**
     * When the job in {@code alias} (with its {@link #POSTED} as {@code posted}) was new: its
     * boards' earliest date, else when jobintel first saw it; never later than that.
     */
    private static String dated(String alias) {
        return "CASE WHEN " + alias + ".posted IS NOT NULL AND " + alias + ".posted < " + alias + ".first_seen THEN "
                + alias + ".posted ELSE " + alias + ".first_seen END";
    }

    private static final long WEEK = 7L * 24 * 3600 * 1000;
    /** 1970-01-01 was a Thursday: shifting by three days makes weeks start on Monday. */
    private static final long MONDAY_SHIFT = 3L * 24 * 3600 * 1000;

    private MarketReports() {
    }

    /** The report called {@code question}, with at most {@code limit} rows. */
    public static Report answer(Connection c, String question, JobFilter f, int limit) {
        Question q = BY_NAME.get(question);
        if (q == null) {
            throw new IllegalArgumentException("no report '" + question + "' (reports: " + String.join(", ", QUESTIONS) + ")");
        }
        return q.answer(c, f, limit);
    }

    /** The reports of {@code questions}, in that order, over the same jobs. */
    public static List<Report> answer(Connection c, List<String> questions, JobFilter f, int limit) {
        List<Report> out = new ArrayList<>(questions.size());
        for (String q : questions) {
            out.add(answer(c, q, f, limit));
        }
        return out;
    }

    @FunctionalInterface
    private interface Question {
        Report answer(Connection c, JobFilter f, int limit);
    }

    static long jobs(Connection c, JobFilter f) {
        return Jdbc.count(c, "SELECT count(*) FROM enriched_jobs j WHERE " + f.where(), f.args().toArray());
    }

    private static Object[] args(JobFilter f, Object... more) {
        List<Object> all = new ArrayList<>(f.args());
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }

    /**
     * part as a percentage of whole, unrounded; null when there is no whole. Each format rounds it
     * once (two decimals in CSV and JSON, one in a table): rounded here to two decimals and again to
     * one in a table, 2.4465% would read 2.5.
     */
    static Double share(long part, long whole) {
        return whole == 0 ? null : part * 100.0 / whole;
    }

    /** Demand by role: jobs per family and subfamily, with the cities that have most of them. */
    public static Report demand(Connection c, JobFilter f, int limit) {
        long jobs = jobs(c, f);
        Map<String, List<String>> topPlaces = new LinkedHashMap<>();
        String bytes = Dialect.of(c).binaryCollation();
        for (String[] r : Jdbc.query(c, "SELECT j.family, j.subfamily, (" + PLACE_LABEL + ")" + bytes + " AS place, count(*) AS n "
                        + "FROM enriched_jobs j " + PLACE_JOINS + SHARED_NAME_JOIN + "WHERE " + f.where()
                        + " GROUP BY j.family, j.subfamily, " + PLACE_KEY + ", " + PLACE_LABEL + " ORDER BY n DESC, place",
                rs -> new String[] {rs.getString(1) + "/" + rs.getString(2), rs.getString(3) + " " + rs.getLong(4)},
                f.args().toArray())) {
            List<String> places = topPlaces.computeIfAbsent(r[0], k -> new ArrayList<>());
            if (places.size() < 3) {
                places.add(r[1]);
            }
        }
        List<List<Object>> rows = Jdbc.query(c, "SELECT j.family, j.subfamily, fa.name, s.name, count(*) AS n "
                        + "FROM enriched_jobs j JOIN ref_family fa ON fa.code = j.family "
                        + "JOIN ref_subfamily s ON s.family = j.family AND s.code = j.subfamily WHERE " + f.where()
                        + " GROUP BY j.family, j.subfamily, fa.name, s.name ORDER BY n DESC, fa.name" + bytes + ", s.name" + bytes
                        + " LIMIT ?",
                rs -> List.<Object>of(rs.getString(3), rs.getString(4), rs.getLong(5), share(rs.getLong(5), jobs),
                        String.join(", ", topPlaces.getOrDefault(rs.getString(1) + "/" + rs.getString(2), List.of()))),
                args(f, limit));
        return new Report("demand", "Jobs by role", List.of(column("family", "family"), column("role", "role"),
                column("jobs", "jobs"), column("share_pct", "share %"), column("top_places", "where most are")),
                rows, jobs);
    }

    /** Demand by place: jobs per city (remote jobs and jobs with no known city each counted together). */
    public static Report cities(Connection c, JobFilter f, int limit) {
        long jobs = jobs(c, f);
        String bytes = Dialect.of(c).binaryCollation();
        List<List<Object>> rows = Jdbc.query(c, "SELECT (" + PLACE_OR_COUNTRY + ")" + bytes + " AS place, "
                        + "(CASE WHEN j.city_code IS NOT NULL THEN co.name ELSE '' END)" + bytes + " AS country, count(*) AS n, "
                        + "sum(CASE WHEN " + JobFilter.MAY_BE_REMOTE + " THEN 1 ELSE 0 END) AS remote "
                        + "FROM enriched_jobs j " + PLACE_JOINS + SHARED_NAME_JOIN + "WHERE " + f.where() + " GROUP BY "
                        // By what tells one place from another, as demand and the run summary group, not by its words.
                        + PLACE_KEY + ", " + PLACE_OR_COUNTRY + ", CASE WHEN j.city_code IS NOT NULL THEN co.name ELSE '' END "
                        + "ORDER BY n DESC, place, country LIMIT ?",
                rs -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3), share(rs.getLong(3), jobs),
                        share(rs.getLong(4), rs.getLong(3))),
                args(f, limit));
        return new Report("cities", "Jobs by place", List.of(column("place", "place"), column("country", "country"),
                column("jobs", "jobs"), column("share_pct", "share %"), column("remote_pct", "remote %")), rows, jobs);
    }

    /** The skills jobs ask for: how many jobs name each, and what share of the selected jobs that is. */
    public static Report skills(Connection c, JobFilter f, int limit) {
        long jobs = jobs(c, f);
        // One row per skill, of the kind its latest classification gave: a job keeps the kind its taxonomy gave a
        // skill, so after a taxonomy moved one (or gave a kind to one it did not know), counting per skill and kind
        // split that skill's jobs over two rows, each short of the run summary's count.
        List<List<Object>> rows = Jdbc.query(c, "SELECT skill, max(CASE WHEN latest = 1 THEN family END) AS family, "
                        + "count(*) AS n FROM (SELECT s.skill, coalesce(sf.name, '') AS family, row_number() OVER "
                        + "(PARTITION BY s.skill ORDER BY j.classified_at DESC, j.id DESC) AS latest "
                        + "FROM job_skills s JOIN enriched_jobs j ON j.id = s.job_id "
                        + "LEFT JOIN ref_skill_family sf ON sf.code = s.family WHERE " + f.where() + ") asked "
                        + "GROUP BY skill ORDER BY n DESC, skill" + Dialect.of(c).binaryCollation() + " LIMIT ?",
                rs -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getLong(3), share(rs.getLong(3), jobs)),
                args(f, limit));
        return new Report("skills", "Skills asked for", List.of(column("skill", "skill"),
                column("skill_family", "kind"), column("jobs", "jobs"), column("share_pct", "share %")), rows, jobs);
    }

    /**
     * Stated pay by family, seniority and currency: quartiles of the annual midpoint of each
     * job's stated range. Amounts per month, week, day or hour are annualised at 12, 52, 260
     * and 2,080; currencies are never converted into each other.
     */
    public static Report pay(Connection c, JobFilter f, int limit) {
        long jobs = jobs(c, f);
        Map<String, List<Double>> amounts = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        String bytes = Dialect.of(c).binaryCollation();
        Jdbc.each(c, "SELECT fa.name, se.name, j.salary_currency, j.salary_period, j.salary_min, j.salary_max "
                        + "FROM enriched_jobs j JOIN ref_family fa ON fa.code = j.family "
                        + "JOIN ref_seniority se ON se.code = j.seniority WHERE j.salary_currency IS NOT NULL AND "
                        + f.where() + " ORDER BY fa.name" + bytes + ", se.level_rank, j.salary_currency" + bytes,
                rs -> {
                    String key = rs.getString(1) + "\u0000" + rs.getString(2) + "\u0000" + rs.getString(3);
                    labels.putIfAbsent(key, new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    Double min = Jdbc.getDouble(rs, "salary_min");
                    Double max = Jdbc.getDouble(rs, "salary_max");
                    double mid = min == null ? max : max == null ? min : (min + max) / 2;
                    amounts.computeIfAbsent(key, k -> new ArrayList<>()).add(mid * perYear(rs.getString(4)));
                }, f.args().toArray());
        List<List<Object>> rows = new ArrayList<>();
        long stating = 0;
        for (Map.Entry<String, List<Double>> e : amounts.entrySet()) {
            List<Double> v = e.getValue();
            stating += v.size();
            v.sort(Double::compare);
            String[] l = labels.get(e.getKey());
            rows.add(List.of(l[0], l[1], l[2], (long) v.size(), Math.round(quantile(v, 0.25)),
                    Math.round(quantile(v, 0.5)), Math.round(quantile(v, 0.75))));
        }
        rows.sort((a, b) -> Long.compare((Long) b.get(3), (Long) a.get(3)));
        String title = String.format(java.util.Locale.ROOT, "Stated pay per year (%,d state it)", stating);
        return new Report("pay", title, List.of(column("family", "family"), column("seniority", "seniority"),
                column("currency", "currency"), column("jobs", "jobs"), column("p25", "25th pct"),
                column("median", "median"), column("p75", "75th pct")), rows.subList(0, Math.min(limit, rows.size())), jobs);
    }

    static double perYear(String period) {
        return Salary.Period.valueOf(period.toUpperCase(java.util.Locale.ROOT)).perYear();
    }

    /** The q-quantile of sorted values, interpolating between neighbours. */
    static double quantile(List<Double> sorted, double q) {
        double pos = q * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }

    /**
     * Where the remote jobs may be done: remote jobs per scope (a country, a region, one place per
     * continent, anywhere, or not stated), each with the share that also names an office city
     * ("London or Remote (UK)"). Shares are of the selected jobs that are remote.
     */
    public static Report remote(Connection c, JobFilter f, int limit) {
        String where = f.where() + " AND " + JobFilter.MAY_BE_REMOTE;
        // A job classified fully remote whose location names only an office: remote from where, not stated.
        String scope = "coalesce(j.remote_scope, '')";
        long jobs = Jdbc.count(c, "SELECT count(*) FROM enriched_jobs j WHERE " + where, f.args().toArray());
        Map<String, String> names = scopeParts(c);
        List<List<Object>> rows = Jdbc.query(c, "SELECT " + scope + ", count(*) AS n, "
                        + "sum(CASE WHEN j.city_code IS NOT NULL THEN 1 ELSE 0 END) AS offices FROM enriched_jobs j "
                        + "WHERE " + where + " GROUP BY 1 ORDER BY n DESC, " + scope + Dialect.of(c).binaryCollation() + " LIMIT ?",
                rs -> List.<Object>of(scopeName(rs.getString(1), names), rs.getString(1), rs.getLong(2),
                        share(rs.getLong(2), jobs), share(rs.getLong(3), rs.getLong(2))),
                args(f, limit));
        return new Report("remote", "Where remote jobs may be done", List.of(column("remote_from", "remote from"),
                column("scope", "scope"), column("jobs", "jobs"), column("share_pct", "share %"),
                column("with_office_pct", "with an office %")), rows, jobs);
    }

    /** The names of the parts a remote scope is made of: countries by their code in lower case, and regions. */
    private static Map<String, String> scopeParts(Connection c) {
        Map<String, String> names = new java.util.HashMap<>();
        Jdbc.each(c, "SELECT code, name FROM ref_country", rs -> names.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT),
                rs.getString(2)));
        Jdbc.each(c, "SELECT code, name FROM ref_region", rs -> names.put(rs.getString(1), rs.getString(2)));
        return names;
    }

    /** "Germany or United States" for the scope "de+us"; "anywhere" for global; "not stated" for "". */
    static String scopeName(String scope, Map<String, String> names) {
        if (scope.isEmpty()) {
            return "not stated";
        }
        if (scope.equals("global")) {
            return "anywhere";
        }
        return Arrays.stream(scope.split("\\+")).map(p -> names.getOrDefault(p, p.toUpperCase(java.util.Locale.ROOT)))
                .collect(java.util.stream.Collectors.joining(" or "));
    }

    /**
     * Working arrangements per family: the share of jobs on site, hybrid, remote, and not stated; at most
     * {@code limit} families, then a total line, "all", over every selected job (the market's own shares,
     * which a cut to the largest families must not lose), unless no job is selected.
     */
    public static Report arrangements(Connection c, JobFilter f, int limit) {
        long jobs = jobs(c, f);
        List<String[]> kinds = Jdbc.query(c, "SELECT code, name FROM ref_arrangement ORDER BY code"
                        + Dialect.of(c).binaryCollation(),
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        Map<String, long[]> byFamily = new LinkedHashMap<>();
        long[] total = new long[kinds.size() + 1];
        Jdbc.each(c, "SELECT fa.name, j.arrangement, count(*) AS n FROM enriched_jobs j "
                        + "JOIN ref_family fa ON fa.code = j.family WHERE " + f.where()
                        + " GROUP BY fa.name, j.arrangement ORDER BY fa.name" + Dialect.of(c).binaryCollation(),
                rs -> {
                    long[] counts = byFamily.computeIfAbsent(rs.getString(1), k -> new long[kinds.size() + 1]);
                    for (int i = 0; i < kinds.size(); i++) {
                        if (kinds.get(i)[0].equals(rs.getString(2))) {
                            counts[i + 1] += rs.getLong(3);
                            total[i + 1] += rs.getLong(3);
                        }
                    }
                    counts[0] += rs.getLong(3);
                    total[0] += rs.getLong(3);
                }, f.args().toArray());
        BiFunction<String, long[], List<Object>> row = (label, counts) -> {
            List<Object> r = new ArrayList<>();
            r.add(label);
            r.add(counts[0]);
            for (int i = 1; i < counts.length; i++) {
                r.add(share(counts[i], counts[0]));
            }
            return r;
        };
        List<List<Object>> rows = new ArrayList<>();
        byFamily.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(limit)
                .forEach(e -> rows.add(row.apply(e.getKey(), e.getValue())));
        if (total[0] > 0) {
            rows.add(row.apply("all", total)); // not a row of blanks when no job matched
        }
        List<Report.Column> columns = new ArrayList<>(List.of(column("family", "family"), column("jobs", "jobs")));
        for (String[] k : kinds) {
            columns.add(column(k[0] + "_pct", k[1].toLowerCase(java.util.Locale.ROOT) + " %"));
        }
        return new Report("arrangements", "Working arrangements", columns, rows, jobs);
    }

    /**
     * The employers with most jobs, and how many of those are still open. An employer is the one job
     * identity knows ({@link JobHash#employer}): "Acme", "ACME Inc.", "Acme sp. z o.o." and "acme" are one
     * employer, as are "The Home Depot" and "Home Depot", as their
     * postings of one job are one job, shown by the spelling most of its jobs use.
     */
    public static Report employers(Connection c, JobFilter f, int limit) {
        long jobs = jobs(c, f);
        Map<String, Employer> byEmployer = new java.util.HashMap<>();
        Jdbc.each(c, "SELECT j.company, j.family, " + OPEN_AS_ONE + " FROM enriched_jobs j WHERE " + f.where(),
                rs -> byEmployer.computeIfAbsent(JobHash.employer(rs.getString(1)),
                        k -> new Employer())
                        .add(rs.getString(1), rs.getString(2), rs.getInt(3) == 1),
                f.args().toArray());
        List<Employer> ranked = new ArrayList<>(byEmployer.values());
        ranked.sort(java.util.Comparator.comparingLong((Employer e) -> -e.jobs).thenComparing(Employer::name));
        List<List<Object>> rows = new ArrayList<>();
        for (Employer e : ranked.subList(0, Math.min(limit, ranked.size()))) {
            rows.add(List.of(e.name(), e.jobs, share(e.jobs, jobs), e.open, (long) e.families.size()));
        }
        return new Report("employers", "Employers with most jobs", List.of(column("employer", "employer"),
                column("jobs", "jobs"), column("share_pct", "share %"), column("open", "still open"),
                column("families", "families")), rows, jobs);
    }

    /** One employer's jobs, under every spelling its boards gave. */
    private static final class Employer {
        static final String NOT_STATED = "(not stated)";

        private final Map<String, Long> spellings = new java.util.TreeMap<>();
        private final java.util.Set<String> families = new java.util.HashSet<>();
        private long jobs;
        private long open;

        void add(String spelling, String family, boolean stillOpen) {
            spellings.merge(spelling, 1L, Long::sum);
            families.add(family);
            jobs++;
            open += stillOpen ? 1 : 0;
        }

        /**
         * The spelling most of its jobs use (the first in order among equals); {@link #NOT_STATED} for the jobs whose
         * postings gave no employer, counted together as the cities report counts jobs with no known place: a blank
         * name ranked among employers read as one employer of that many jobs (job identity tells them apart).
         */
        String name() {
            String best = null;
            long most = 0;
            for (Map.Entry<String, Long> e : spellings.entrySet()) {
                if (e.getValue() > most) {
                    best = e.getKey();
                    most = e.getValue();
                }
            }
            return best.isBlank() ? NOT_STATED : best;
        }
    }

    /**
     * New jobs per week, newest first, and how many of them are still open. A job is dated by
     * the earliest date a board gave for its postings, else by when jobintel first saw it (never
     * later: a board's date in the future is a board's mistake), so a first fetch already shows
     * weeks of a market rather than one week holding everything. {@code --since} asks, here as in every
     * report, for the jobs dated since then, whenever jobintel first saw them: the weeks since then.
     */
    public static Report trends(Connection c, JobFilter f, int limit) {
        String dated = "SELECT " + dated("x") + " AS dated, x.still_open FROM (SELECT j.first_seen, " + POSTED
                + " AS posted, " + OPEN_AS_ONE + " AS still_open FROM enriched_jobs j WHERE " + f.where() + ") x";
        long jobs = jobs(c, f);
        List<Object> rowArgs = new ArrayList<>(List.of(MONDAY_SHIFT, WEEK));
        rowArgs.addAll(f.args());
        rowArgs.add(limit);
        List<long[]> counted = Jdbc.query(c, "SELECT (d.dated + ?) / ? AS week, count(*) AS n, sum(d.still_open) "
                        + "FROM (" + dated + ") d GROUP BY 1 ORDER BY week DESC LIMIT ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, rowArgs.toArray());
        List<List<Object>> rows = new ArrayList<>();
        // The weeks run to the one the jobs were last seen in, whatever the filter: a city whose last new job
        // was weeks ago shows those weeks as none, not a table that starts where the whole market's does not.
        Long lastSeen = Jdbc.one(c, "SELECT max(last_seen) AS last_seen FROM enriched_jobs",
                rs -> Jdbc.getLong(rs, "last_seen"));
        Long newestWeek = lastSeen == null ? null : Math.floorDiv(lastSeen + MONDAY_SHIFT, WEEK);
        // With --since, the weeks since then: the quiet ones too, not only those between two counted. From
        // the first week wholly since then: a week --since cuts into is listed only if a job is dated in it.
        Long sinceWeek = f.since() == null ? null : Math.floorDiv(f.since() + MONDAY_SHIFT + WEEK - 1, WEEK);
        for (long[] w : everyWeek(counted, limit, newestWeek, sinceWeek)) {
            rows.add(List.of(Instant.ofEpochMilli(w[0] * WEEK - MONDAY_SHIFT).atOffset(ZoneOffset.UTC).toLocalDate()
                    .toString(), w[1], w[2], share(w[1], jobs)));
        }
        return new Report("trends", "New jobs per week (dated by their boards; weeks start on Monday, UTC)",
                List.of(column("week", "week of"), column("new_jobs", "new jobs"), column("open", "still open"),
                        column("share_pct", "share %")), rows, jobs);
    }

    /**
     * The weeks from {@code newest} (when given and later: the week the jobs were last seen in), else the
     * newest counted one, back, at most {@code limit}, with a week no job is dated in as a row of zeros: a
     * trend read down the table (or charted from its CSV) must not run a quiet week's neighbours together
     * as if they were consecutive, nor leave out the quiet weeks since the last new job. {@code counted}
     * holds {week, new, open} rows, newest first, as the query gives them; {@code oldest}, when given (the
     * first week wholly since --since), is the week the rows go back to, quiet or not. No counted row, no rows.
     */
    static List<long[]> everyWeek(List<long[]> counted, int limit, Long newest, Long oldest) {
        List<long[]> out = new ArrayList<>();
        if (newest != null && !counted.isEmpty() && newest > counted.get(0)[0]) {
            out.add(new long[] {newest, 0, 0});
        }
        for (long[] w : counted) {
            pad(out, w[0], limit);
            if (out.size() >= limit) {
                break;
            }
            out.add(w);
        }
        if (oldest != null && !out.isEmpty()) {
            pad(out, oldest - 1, limit);
        }
        return out;
    }

    /** Adds a row of zeros for each week after the last in {@code out} down to (not including) {@code week}. */
    private static void pad(List<long[]> out, long week, int limit) {
        if (out.isEmpty()) {
            return;
        }
        for (long gap = out.get(out.size() - 1)[0] - 1; gap > week && out.size() < limit; gap--) {
            out.add(new long[] {gap, 0, 0});
        }
    }

    /**
     * The jobs behind the numbers, newest first: what a user reads after a count surprises them.
     * Each job once, dated as {@link #trends} dates it (the earliest date its boards gave, else
     * when jobintel first saw it), with a link to a posting of it still on its board, else to the
     * one seen last.
     */
    public static Report jobList(Connection c, JobFilter f, int limit) {
        long jobs = jobs(c, f);
        String selected = "(SELECT j.*, " + POSTED + " AS posted FROM enriched_jobs j WHERE " + f.where() + ") j ";
        Map<String, String> scopeParts = scopeParts(c);
        // Labelled as demand and the run summary label places: "Cambridge (United Kingdom)", "Singapore (country)".
        List<List<Object>> rows = Jdbc.query(c, "SELECT " + dated("j") + " AS dated, j.title, j.company, " + PLACE_LABEL
                        + " AS place, se.name, ar.name, j.salary_min, j.salary_max, j.salary_currency, j.salary_period, "
                        + "j.raw_count, " + OPEN_AS_ONE + ", "
                        + "(SELECT r.url FROM raw_postings r WHERE r.job_id = j.id AND r.url IS NOT NULL "
                        + "ORDER BY CASE WHEN r.closed_at IS NULL THEN 0 ELSE 1 END, r.last_seen DESC, r.id LIMIT 1), "
                        + "j.city_code, j.remote_scope "
                        + "FROM " + selected + PLACE_JOINS + SHARED_NAME_JOIN
                        + "JOIN ref_seniority se ON se.code = j.seniority JOIN ref_arrangement ar ON ar.code = j.arrangement "
                        + "ORDER BY dated DESC, j.id DESC LIMIT ?",
                rs -> Arrays.<Object>asList(Instant.ofEpochMilli(rs.getLong(1)).atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                        rs.getString(2), rs.getString(3), remotePlace(rs.getString(4), rs.getString(14) != null,
                                rs.getString(15), scopeParts), rs.getString(5), rs.getString(6),
                        pay(rs.getObject(7) == null ? null : rs.getDouble(7), rs.getObject(8) == null ? null : rs.getDouble(8),
                                rs.getString(9), rs.getString(10)),
                        rs.getLong(11), rs.getInt(12) == 1 ? "yes" : "no", rs.getString(13)),
                args(f, limit));
        return new Report("jobs", "Newest jobs (dated by their boards)", List.of(column("posted", "posted"),
                column("title", "title"), column("employer", "employer"), column("place", "place"),
                column("seniority", "seniority"), column("arrangement", "arrangement"), column("pay", "stated pay"),
                column("postings", "postings"), column("open", "open"), column("url", "link")), rows, jobs);
    }

    /**
     * A job's place in the list of jobs, with where it may be done remotely: "Remote (Europe)", "Remote
     * (anywhere)", "London, or remote (United Kingdom)", "Remote" where its location does not say. Two
     * jobs of one title and employer, remote from two continents, are two rows that must not read as
     * one job listed twice.
     */
    static String remotePlace(String place, boolean hasCity, String scope, Map<String, String> scopeParts) {
        if (scope == null) {
            return place;
        }
        // An empty scope is remote from where, not stated ("Remote"): nothing to add in brackets.
        String where = scope.isEmpty() ? "" : " (" + scopeName(scope, scopeParts) + ")";
        return hasCity ? place + ", or remote" + where : "Remote" + where;
    }

    /** "90,000–120,000 USD a year", "from 70,000 EUR a year", "" when none is stated. */
    static String pay(Double min, Double max, String currency, String period) {
        if (currency == null || min == null && max == null) {
            return "";
        }
        String per = " " + currency + (period.equals("hour") ? " an " : " a ") + period;
        if (min != null && max != null && !min.equals(max)) {
            return amount(min) + "–" + amount(max) + per;
        }
        if (min != null && max != null) {
            return amount(min) + per;
        }
        return min != null ? "from " + amount(min) + per : "up to " + amount(max) + per;
    }

    private static String amount(double v) {
        return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                : String.format(java.util.Locale.ROOT, "%,.2f", v);
    }
}
