package dev.jobintel.report;

import dev.jobintel.store.Jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Which jobs a report counts: in one city, of one family, first seen since a time, still open,
 * open to remote work. Each set field narrows the jobs; an empty filter counts every job.
 *
 * @param cityCode   the city (a code of the city table), or null
 * @param family     the family code, or null
 * @param since      epoch millis: only jobs first seen at or after it; null for all
 * @param openOnly   only jobs with a posting still on its board (not closed)
 * @param remoteOnly only jobs that may be done remotely (fully remote, or an office or remote)
 */
public record JobFilter(String cityCode, String family, Long since, boolean openOnly, boolean remoteOnly) {

    public static final JobFilter ALL = new JobFilter(null, null, null, false, false);

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
            parts.add("j.first_seen >= ?");
        }
        if (openOnly) {
            parts.add("EXISTS (SELECT 1 FROM raw_postings r WHERE r.job_id = j.id AND r.closed_at IS NULL)");
        }
        if (remoteOnly) {
            parts.add("j.remote_scope IS NOT NULL");
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
        }
        return args;
    }

    /**
     * A time as a user gives it: a date (2026-11-01, midnight UTC) or an instant
     * (2026-11-01T09:00:00Z); epoch millis.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static long parseTime(String s) {
        try {
            return java.time.Instant.parse(s.strip()).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(s.strip()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                        .toEpochMilli();
            } catch (java.time.format.DateTimeParseException e2) {
                throw new IllegalArgumentException("--since takes a date (2026-11-01) or an instant "
                        + "(2026-11-01T09:00:00Z), got '" + s + "'");
            }
        }
    }

    /**
     * A filter from what a user typed: a city by name or code and a family by code or name,
     * case-insensitively, as the database's reference tables know them.
     *
     * @throws IllegalArgumentException naming what is unknown and what is known
     */
    public static JobFilter resolve(Connection c, String city, String family, Long since, boolean openOnly,
                                    boolean remoteOnly) {
        String cityCode = null;
        if (city != null) {
            cityCode = Jdbc.one(c, "SELECT code FROM ref_city WHERE lower(code) = lower(?)", rs -> rs.getString(1),
                    city.strip());
            if (cityCode == null) {
                List<String[]> named = Jdbc.query(c, "SELECT ci.code, co.name FROM ref_city ci JOIN ref_country co "
                        + "ON co.code = ci.country WHERE lower(ci.name) = lower(?) ORDER BY ci.code",
                        rs -> new String[] {rs.getString(1), rs.getString(2)}, city.strip());
                if (named.isEmpty()) {
                    throw new IllegalArgumentException("no city '" + city + "' in the city table (places:); give its "
                            + "name, as in 'London' or 'New York', or its code");
                }
                if (named.size() > 1) {
                    throw new IllegalArgumentException("'" + city + "' is more than one city: " + String.join(", ",
                            named.stream().map(n -> n[0] + " (" + n[1] + ")").toList()) + "; give the code");
                }
                cityCode = named.get(0)[0];
            }
        }
        String familyCode = null;
        if (family != null) {
            familyCode = Jdbc.one(c, "SELECT code FROM ref_family WHERE lower(code) = lower(?) OR lower(name) = lower(?)",
                    rs -> rs.getString(1), family.strip(), family.strip());
            if (familyCode == null) {
                List<String> known = Jdbc.query(c, "SELECT code FROM ref_family ORDER BY code", rs -> rs.getString(1));
                throw new IllegalArgumentException("no family '" + family + "' in the taxonomy (known: "
                        + String.join(", ", known) + ")");
            }
        }
        return new JobFilter(cityCode, familyCode, since, openOnly, remoteOnly);
    }
}
