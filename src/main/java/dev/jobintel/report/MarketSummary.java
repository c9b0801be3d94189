package dev.jobintel.report;

import dev.jobintel.store.Dialect;
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
                        + "JOIN ref_family f ON f.code = j.family GROUP BY f.name ORDER BY n DESC, f.name"
                        + Dialect.of(c).binaryCollation(),
                rs -> new Count(rs.getString("label"), rs.getLong("n")));
    }

    /**
     * Jobs per place, as the cities report counts them (a city; else remote; else the country;
     * else unresolved), so the run's summary and 'jobintel report cities' never disagree.
     */
    public static List<Count> byCity(Connection c, int limit) {
        return Jdbc.query(c, "SELECT (" + MarketReports.PLACE_LABEL + ")" + Dialect.of(c).binaryCollation()
                        + " AS label, count(*) AS n FROM enriched_jobs j "
                        + MarketReports.PLACE_JOINS + MarketReports.SHARED_NAME_JOIN + "GROUP BY " + MarketReports.PLACE_KEY
                        + ", " + MarketReports.PLACE_LABEL + " ORDER BY n DESC, label LIMIT ?",
                rs -> new Count(rs.getString("label"), rs.getLong("n")), limit);
    }

    public static List<Count> topSkills(Connection c, int limit) {
        return Jdbc.query(c, "SELECT skill AS label, count(*) AS n FROM job_skills GROUP BY skill ORDER BY n DESC, skill"
                        + Dialect.of(c).binaryCollation() + " LIMIT ?",
                rs -> new Count(rs.getString("label"), rs.getLong("n")), limit);
    }
}
