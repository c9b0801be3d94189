package dev.jobintel.cli;

import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job on SQLite and on PostgreSQL ends in the same ledger: every posting with the same
 * outcome and reason, the same jobs with the same classification, skills and counts. A team
 * moving from the file to a server gets the same answers.
 */
class EnginesAgreeIT {

    @TempDir
    Path dir;

    private static final String POSTINGS = "SELECT r.source, r.source_job_id, r.outcome, r.outcome_reason, j.job_hash "
            + "FROM raw_postings r LEFT JOIN enriched_jobs j ON j.id = r.job_id";
    private static final String JOBS = "SELECT job_hash, company, title, place, city_code, country_code, remote_scope, "
            + "family, subfamily, seniority, track, arrangement, position_type, salary_min, salary_max, salary_currency, "
            + "salary_period, equity, years_min, years_max, summary, defaulted, raw_count FROM enriched_jobs";
    private static final String SKILLS = "SELECT j.job_hash, s.skill FROM job_skills s JOIN enriched_jobs j ON j.id = s.job_id";
    private static final String REJECTS = "SELECT source, reason FROM rejects";

    @Test
    void theDemoRunEndsInTheSameLedgerOnSqliteAndOnPostgres() {
        String sqlite = Fixtures.sqliteUrl(dir);
        String postgres = Postgres.freshDatabaseUrl();
        for (String url : List.of(sqlite, postgres)) {
            CliIT.Result r = jobintel("run", "--db", url, "--no-progress");
            assertThat(r.exit()).as(url + ": " + r.err()).isZero();
            assertThat(r.out()).contains("Invariants: all hold");
        }
        for (String query : List.of(POSTINGS, JOBS, SKILLS, REJECTS)) {
            List<String> onSqlite = rows(sqlite, query);
            assertThat(onSqlite).as(query).isNotEmpty();
            assertThat(rows(postgres, query)).as(query).isEqualTo(onSqlite);
        }
        // Every market report gives the same answers (row order aside: the engines' collations may differ).
        for (String question : dev.jobintel.report.MarketReports.QUESTIONS) {
            assertThat(reportRows(postgres, question)).as(question).isEqualTo(reportRows(sqlite, question));
        }
        // And narrowed to an area: a region's countries and remote scopes, bound as lists.
        for (String area : List.of("europe", "remote-americas")) {
            assertThat(reportRows(postgres, "demand", "--area", area)).as(area)
                    .isEqualTo(reportRows(sqlite, "demand", "--area", area));
        }
        // And since a date, which every report takes as trends and jobs date a job (its boards' earliest date,
        // else first seen), though every job was first seen today: the same jobs on both engines, in every report.
        long newOnPostgres = jobsCounted(postgres, "trends", "--since", "2026-11-01");
        assertThat(newOnPostgres).isPositive().isLessThan(jobsCounted(postgres, "demand"));
        for (String question : List.of("demand", "employers", "jobs")) {
            assertThat(jobsCounted(postgres, question, "--since", "2026-11-01")).as(question).isEqualTo(newOnPostgres);
            assertThat(jobsCounted(sqlite, question, "--since", "2026-11-01")).as(question).isEqualTo(newOnPostgres);
        }
        assertThat(reportRows(postgres, "jobs", "--since", "2026-11-01"))
                .isEqualTo(reportRows(sqlite, "jobs", "--since", "2026-11-01"));
        // A second run on the server, as on the file, changes nothing.
        List<String> before = rows(postgres, POSTINGS);
        assertThat(jobintel("run", "--db", postgres, "--no-progress").out()).contains("Nothing new");
        assertThat(rows(postgres, POSTINGS)).isEqualTo(before);
        assertThat(jobintel("status", "--db", postgres, "--check").exit()).isZero();
    }

    @Test
    void tiesAreOrderedAlikeOnBothEnginesWhateverTheServersCollation() throws Exception {
        // One job asking for Django and dbt: a tie, cut by --limit 1, ordered by name. A server made with a
        // language's locale (en_US.UTF-8, as most are) sorts "dbt" before "Django"; SQLite sorts bytes.
        String sqlite = Fixtures.sqliteUrl(dir);
        String postgres = Postgres.freshDatabaseUrl();
        Path file = Fixtures.jsonlFile(dir.resolve("tie.jsonl"), List.of(Fixtures.posting("greenhouse", "1", "Acme",
                "Backend Engineer", "Berlin, Germany", "Django and dbt. We build payment systems for merchants across "
                        + "Europe and care about reliability, testing and clear writing. You will own services end to end with a small team.")));
        for (String url : List.of(sqlite, postgres)) {
            assertThat(jobintel("import", file.toString(), "--db", url).exit()).isZero();
        }
        try (Database db = Database.open(postgres, null, null)) {
            db.inTransaction(c -> Jdbc.update(c, "ALTER TABLE job_skills ALTER COLUMN skill TYPE TEXT COLLATE \"en-US-x-icu\""));
        }
        for (String url : List.of(sqlite, postgres)) {
            assertThat(jobintel("enrich", "--db", url, "--no-progress").exit()).isZero();
        }
        List<String> skills = orderedRows(sqlite, "skills", "--limit", "1000");
        assertThat(skills).hasSizeGreaterThanOrEqualTo(2);
        assertThat(orderedRows(postgres, "skills", "--limit", "1000")).isEqualTo(skills);
        assertThat(orderedRows(postgres, "skills", "--limit", "1")).isEqualTo(orderedRows(sqlite, "skills", "--limit", "1"));
        CliIT.Result onSqlite = jobintel("db", "export", "jobs", "--db", sqlite);
        assertThat(onSqlite.out()).contains("dbt");
        String skillsOnSqlite = onSqlite.out().replaceAll("(?s).*\"skills\"", "");
        assertThat(jobintel("db", "export", "jobs", "--db", postgres).out().replaceAll("(?s).*\"skills\"", ""))
                .isEqualTo(skillsOnSqlite);
    }

    /** The report's rows as JSON text, in the order the report gives them. */
    private static List<String> orderedRows(String url, String question, String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("report", question, "--format", "json", "--db", url));
        args.addAll(List.of(options));
        CliIT.Result r = jobintel(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("rows").forEach(n -> rows.add(n.toString()));
        return rows;
    }

    private static List<String> reportRows(String url, String question, String... filter) {
        List<String> args = new java.util.ArrayList<>(List.of("report", question, "--format", "json", "--limit", "1000",
                "--db", url));
        args.addAll(List.of(filter));
        CliIT.Result r = jobintel(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        try {
            List<String> rows = new java.util.ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("rows").forEach(n -> rows.add(n.toString()));
            assertThat(rows).as(question).isNotEmpty();
            return rows.stream().sorted().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(question + ": not JSON: " + r.out(), e);
        }
    }

    /** How many jobs the report counted. */
    private static long jobsCounted(String url, String question, String... filter) {
        List<String> args = new java.util.ArrayList<>(List.of("report", question, "--format", "json", "--db", url));
        args.addAll(List.of(filter));
        CliIT.Result r = jobintel(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("jobs").asLong();
        } catch (java.io.IOException e) {
            throw new AssertionError(question + ": not JSON: " + r.out(), e);
        }
    }

    /** Every row of the query as text, sorted in Java: the engines' collations differ. */
    private static List<String> rows(String url, String query) {
        try (Database db = Database.open(url, null, null)) {
            return db.read(c -> Jdbc.query(c, query, rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    // Both engines give numbers back in their own types (Integer or Long, Double).
                    row.append(v instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(v)).append('|');
                }
                return row.toString();
            })).stream().sorted().toList();
        }
    }
}
