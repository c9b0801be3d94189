package dev.jobintel.report;

import dev.jobintel.store.Jdbc;

import java.sql.Connection;
import java.util.List;

/** The market at a glance, as the run summary shows it: jobs by family, by city, top skills. */
public final class MarketSummary {

    /** A label and how many jobs have it. */
    public record Count(String label, long jobs) {
    }

    private MarketSummary() {
    }

    public static List<Count> byFamily(Connection c) {
        return Jdbc.query(c, "SELECT f.name AS label, count(*) AS n FROM enriched_jobs j "
                        + "JOIN ref_family f ON f.code = j.family GROUP BY f.name ORDER BY n DESC, f.name",
                rs -> new Count(rs.getString("label"), rs.getLong("n")));
    }

    /** Jobs per city; jobs with no city are counted under their remote scope or as unresolved. */
    public static List<Count> byCity(Connection c, int limit) {
        return Jdbc.query(c, "SELECT CASE WHEN j.city_code IS NOT NULL THEN ci.name "
                        + "WHEN j.remote_scope IS NOT NULL THEN 'Remote' ELSE '(unresolved)' END AS label, count(*) AS n "
                        + "FROM enriched_jobs j LEFT JOIN ref_city ci ON ci.code = j.city_code "
                        + "GROUP BY CASE WHEN j.city_code IS NOT NULL THEN ci.name "
                        + "WHEN j.remote_scope IS NOT NULL THEN 'Remote' ELSE '(unresolved)' END "
                        + "ORDER BY n DESC, label LIMIT ?",
                rs -> new Count(rs.getString("label"), rs.getLong("n")), limit);
    }

    public static List<Count> topSkills(Connection c, int limit) {
        return Jdbc.query(c, "SELECT skill AS label, count(*) AS n FROM job_skills GROUP BY skill ORDER BY n DESC, skill LIMIT ?",
                rs -> new Count(rs.getString("label"), rs.getLong("n")), limit);
    }
}
