package dev.jobintel.report;

import dev.jobintel.classify.taxonomy.Vocabulary;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.store.Jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which jobs a report counts: in one city, of one family, new since a time, still open,
 * open to remote work, in one area. Each set field narrows the jobs; an empty filter counts every job.
 *
 * @param cityCode   the city (a code of the city table), or null
 * @param family     the family code, or null
 * @param since      epoch millis: only jobs new at or after it (see {@link #NEW_SINCE}); null for all
 * @param openOnly   only jobs with a posting still on its board (not closed)
 * @param remoteOnly only jobs that may be done remotely (fully remote, or an office or remote)
 * @param area       only jobs in this area, or null
 */
public record JobFilter(String cityCode, String family, Long since, boolean openOnly, boolean remoteOnly, Area area) {

    /**
     * Job {@code j} may be done remotely: its location says so ("Remote - US", "London or Remote
     * (UK)": a remote scope, "" where none is named), or it was classified fully remote though
     * its location names only an office. Every report and filter that counts remote jobs counts
     * these, so that the cities report's remote share, {@code --remote} and the remote report agree.
     */
    public static final String MAY_BE_REMOTE = "(j.remote_scope IS NOT NULL OR j.arrangement = 'remote')";

    /** Whether job {@code j} is still open: a posting of it is still on its board. */
    static final String STILL_OPEN = "EXISTS (SELECT 1 FROM raw_postings r WHERE r.job_id = j.id AND r.closed_at IS NULL)";

    public static final JobFilter ALL = new JobFilter(null, null, null, false, false, null);

    /**
     * Job {@code j} is new at or after a time (bound twice), dated as {@code trends} and {@code jobs} date it
     * (the earliest date its boards gave, else when jobintel first saw it): first seen then or later, and no
     * board dated a posting of it earlier. So {@code --since} selects the same jobs in every report, and
     * after a first fetch (every job first seen that day) it still means jobs new since then. A check of the
     * job's row, then an index probe (raw_postings by job_id) that stops at a posting dated earlier.
     */
    private static final String NEW_SINCE = "(j.first_seen >= ? AND NOT EXISTS (SELECT 1 FROM raw_postings r "
            + "WHERE r.job_id = j.id AND r.posted_at < ?))";

    /** What a user asked for, as typed: each null or false when not asked. */
    public record Asked(String city, String family, Long since, boolean open, boolean remote, String area) {
    }

    /**
     * An area as the gate's location filters take it (see {@link dev.jobintel.posting.location.Gazetteer#areaCode}), as the
     * stored jobs can be matched to it: by their city, by their country, or by their remote scope.
     *
     * @param code         the area, as given in canonical case
     * @param anyRemote    every job that may be done remotely ("remote")
     * @param cityCode     the city (a city area), or null
     * @param countries    countries whose jobs are in it (a country area, or a region's countries)
     * @param remoteScopes the stored remote scopes whose jobs are in it ("de+us" for DE, europe, remote-de…)
     */
    public record Area(String code, boolean anyRemote, String cityCode, List<String> countries,
                       List<String> remoteScopes) {
        public Area {
            countries = List.copyOf(countries);
            remoteScopes = List.copyOf(remoteScopes);
        }

        private String condition() {
            List<String> any = new ArrayList<>();
            if (anyRemote) {
                any.add(MAY_BE_REMOTE);
            }
            if (cityCode != null) {
                any.add("j.city_code = ?");
            }
            if (!countries.isEmpty()) {
                // A job with an office there, or none remote: a fully remote job is in the area its remote
                // scope names, not in the first country of "Remote - Canada or US".
                any.add("(j.country_code IN (" + placeholders(countries.size()) + ") AND (j.remote_scope IS NULL"
                        + " OR j.city_code IS NOT NULL))");
                // The office's country too: "Remote (UK) or Berlin" is stored with GB as its country and
                // Berlin as its city, and is in Germany as the cities report and the gate place it.
                any.add("j.city_code IN (SELECT code FROM ref_city WHERE country IN (" + placeholders(countries.size())
                        + "))");
            }
            if (!remoteScopes.isEmpty()) {
                any.add("j.remote_scope IN (" + placeholders(remoteScopes.size()) + ")");
            }
            return any.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", any) + ")";
        }

        private void addArgs(List<Object> args) {
            if (cityCode != null) {
                args.add(cityCode);
            }
            args.addAll(countries);
            args.addAll(countries);
            args.addAll(remoteScopes);
        }

        private static String placeholders(int n) {
            return String.join(", ", Collections.nCopies(n, "?"));
        }
    }

    /** The filter's condition on enriched_jobs {@code j}, with {@link #args()}. */
    public String where() {
        List<String> parts = new ArrayList<>();
        parts.add("1 = 1");
        if (cityCode != null) {
            parts.add("j.city_code = ?");
        }
        if (family != null) {
            parts.add("j.family = ?");
        }
        if (since != null) {
            parts.add(NEW_SINCE);
        }
        if (openOnly) {
            parts.add(STILL_OPEN);
        }
        if (remoteOnly) {
            parts.add(MAY_BE_REMOTE);
        }
        if (area != null) {
            parts.add(area.condition());
        }
        return String.join(" AND ", parts);
    }

    public List<Object> args() {
        List<Object> args = new ArrayList<>();
        if (cityCode != null) {
            args.add(cityCode);
        }
        if (family != null) {
            args.add(family);
        }
        if (since != null) {
            args.add(since);
            args.add(since);
        }
        if (area != null) {
            area.addArgs(args);
        }
        return args;
    }

    /**
     * A time as a user gives it: a date (2026-11-01, midnight UTC) or an instant
     * (2026-11-01T09:00:00Z); epoch millis.
     *
     * @throws IllegalArgumentException saying what --since expects
     */
    public static long parseTime(String s) {
        return parseTime(s, "--since");
    }

    /**
     * {@link #parseTime(String)}, its error naming the value as {@code name} (the dashboard's field is
     * "since", not an option).
     */
    public static long parseTime(String s, String name) {
        try {
            return java.time.Instant.parse(s.strip()).toEpochMilli();
        } catch (java.time.DateTimeException | ArithmeticException e) {
            try {
                return java.time.LocalDate.parse(s.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                        .toEpochMilli();
            } catch (java.time.DateTimeException | ArithmeticException e2) {
                try {
                    // As the boards write times: "2026-11-01 09:00", "2026-11-01T09:00+0100" (no offset: UTC).
                    return dev.jobintel.source.Dates.dateTime(s).toEpochMilli();
                } catch (java.time.DateTimeException | ArithmeticException e3) {
                    // ArithmeticException: a year such as -999999999 parses but is no instant in milliseconds.
                    throw new IllegalArgumentException(name + " takes a date (2026-11-01) or a time "
                            + "(2026-11-01T09:00:00Z, 2026-11-01T09:00+01:00, 2026-11-01 09:00 for UTC), got '" + s + "'");
                }
            }
        }
    }

    /**
     * {@link #resolve(Connection, LocationResolver, Supplier, Asked)} with no taxonomy beyond the
     * families the database's reference table holds.
     */
    public static JobFilter resolve(Connection c, LocationResolver places, Asked asked) {
        return resolve(c, places, () -> null, asked);
    }

    /**
     * A filter from what a user typed: a city by name or code and a family by code or name,
     * case-insensitively, as the database's reference tables know them, and an area by code, as
     * {@code places} (the place table in use) knows it. A family the taxonomy in use has ({@code taxonomyFamilies},
     * read only when the database does not know the family asked for; null for none) and the database's
     * table not yet (a taxonomy: file of one's own, before a command that writes copied it there) is that
     * family, of no jobs yet, as a city of a places: file is.
     *
     * @throws IllegalArgumentException naming what is unknown and what is known
     */
    public static JobFilter resolve(Connection c, LocationResolver places,
                                    Supplier<Vocabulary> taxonomyFamilies, Asked asked) {
        String city = asked.city();
        String family = asked.family();
        String cityCode = city == null ? null : cityCode(c, places, city);
        String familyCode = null;
        if (family != null) {
            // Compared here, not with SQL's lower(), which on SQLite folds only ASCII letters (a taxonomy's
            // "Données" would be found as DONNÉES on PostgreSQL only), as city names are.
            String wanted = family.strip().toLowerCase(Locale.ROOT);
            List<String[]> families = Jdbc.query(c, "SELECT code, name FROM ref_family ORDER BY code",
                    rs -> new String[] {rs.getString(1), rs.getString(2)});
            // Codes first, then names. Two match when a taxonomy renamed a family's code and kept its name (or
            // took the old code as the name), the old code staying in the reference table: the one holding jobs
            // is meant (after backfill --taxonomy-changed, the new one).
            List<String> matching = new ArrayList<>();
            families.stream().filter(f -> f[0].toLowerCase(Locale.ROOT).equals(wanted)).forEach(f -> matching.add(f[0]));
            families.stream().filter(f -> f[1].toLowerCase(Locale.ROOT).equals(wanted) && !matching.contains(f[0]))
                    .forEach(f -> matching.add(f[0]));
            familyCode = matching.size() < 2 ? matching.stream().findFirst().orElse(null) : matching.stream()
                    .filter(code -> Jdbc.count(c, "SELECT count(*) FROM (SELECT 1 FROM enriched_jobs WHERE family = ? "
                            + "LIMIT 1) one", code) > 0).findFirst().orElse(matching.get(0));
            Vocabulary inUse = familyCode == null ? taxonomyFamilies.get() : null;
            if (familyCode == null) {
                familyCode = notYetInTable(inUse, wanted);
            }
            if (familyCode == null) {
                Set<String> known = new TreeSet<>(families.stream().map(f -> f[0]).toList());
                if (inUse != null) {
                    known.addAll(inUse.codes());
                }
                throw new IllegalArgumentException("no family '" + family + "' in the taxonomy (known: "
                        + String.join(", ", known) + ")");
            }
        }
        Area area = asked.area() == null ? null : area(c, places, asked.area());
        return new JobFilter(cityCode, familyCode, asked.since(), asked.open(), asked.remote(), area);
    }

    /**
     * The family of the taxonomy in use ({@code families}, or null for none) whose code, else name, is
     * {@code wanted} (in lower case), or null: one the database's reference table does not have yet.
     */
    private static String notYetInTable(Vocabulary families, String wanted) {
        if (families == null) {
            return null;
        }
        for (boolean byName : new boolean[] {false, true}) {
            for (Vocabulary.Entry e : families.entries().values()) {
                if ((byName ? e.name() : e.code()).toLowerCase(Locale.ROOT).equals(wanted)) {
                    return e.code();
                }
            }
        }
        return null;
    }

    /** A city of the database's city table by its code, its name, or a spelling the place table knows. */
    private static String cityCode(Connection c, LocationResolver places, String city) {
        String byCode = "SELECT code FROM ref_city WHERE lower(code) = lower(?)";
        String code = Jdbc.one(c, byCode, rs -> rs.getString(1), city.strip());
        if (code != null) {
            return code;
        }
        // Names are compared here, not with SQL's lower(), which on SQLite folds only ASCII letters
        // ("SÃO PAULO" would match nothing there, and São Paulo on PostgreSQL).
        String wanted = city.strip().toLowerCase(Locale.ROOT);
        List<String[]> cities = Jdbc.query(c, "SELECT ci.code, co.name, ci.name FROM ref_city ci JOIN ref_country co "
                + "ON co.code = ci.country ORDER BY ci.code",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        List<String[]> named = cities.stream().filter(n -> n[2].toLowerCase(Locale.ROOT).equals(wanted)).toList();
        if (named.isEmpty()) {
            // An alias or another spelling the place table knows ("Zürich", "München", "NYC"), of a city
            // whatever else it names: "Sao Paulo" is a state too, "Luxemburg" a country, and a city is asked for.
            List<String> aliased = places.gazetteer().citiesNamed(city);
            named = cities.stream().filter(n -> aliased.contains(n[0])).toList();
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException("'" + city + "' is more than one city: " + String.join(", ",
                    named.stream().map(n -> n[0] + " (" + n[1] + ")").toList()) + "; give the code");
        }
        code = named.isEmpty() ? notYetInTable(places, city) : named.get(0)[0];
        if (code == null) {
            throw new IllegalArgumentException("no city '" + city + "' in the city table (the bundled cities, with "
                    + "those of the config's places: file); give its name, as in 'London' or 'New York', or its code");
        }
        return code;
    }

    /**
     * A city the place table in use knows and the database's city table does not have yet: a places:
     * file added since a command that writes (run, fetch, import, enrich, db migrate) last copied it
     * there. No job can be in it yet, and that is the answer, not "no such city" (as --area says).
     */
    private static String notYetInTable(LocationResolver places, String city) {
        var byCode = places.gazetteer().city(city.strip());
        if (byCode != null) {
            return byCode.code();
        }
        List<String> named = places.gazetteer().citiesNamed(city);
        if (named.size() > 1) {
            throw new IllegalArgumentException("'" + city + "' is more than one city: " + String.join(", ", named)
                    + "; give the code");
        }
        return named.isEmpty() ? null : named.get(0);
    }

    private static Area area(Connection c, LocationResolver places, String given) {
        String code = places.gazetteer().areaCode(given);
        if (code == null) {
            throw new IllegalArgumentException("area " + places.gazetteer().areaProblem(given));
        }
        if (code.equals("remote")) {
            return new Area(code, true, null, List.of(), List.of());
        }
        String cityCode = places.gazetteer().city(code) != null ? code : null;
        // The stored scopes are few (one per remote place seen); each is matched as the resolver would.
        List<String> scopes = new ArrayList<>();
        for (String scope : Jdbc.query(c, "SELECT DISTINCT remote_scope FROM enriched_jobs WHERE remote_scope IS NOT NULL",
                rs -> rs.getString(1))) {
            if (places.areaOfRemoteScope(scope).contains(code)) {
                scopes.add(scope);
            }
        }
        scopes.sort(null);
        return new Area(code, false, cityCode, List.copyOf(places.gazetteer().countriesIn(code)), scopes);
    }
}
