package dev.jobintel.cli;

import dev.jobintel.testing.JobintelProcess;
import dev.jobintel.testing.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL server that asks for a password, as a team's server does: the user comes from the
 * configuration, the password only from JOBINTEL_DB_PASSWORD, and a wrong or missing one is said
 * at once for what it is, never printed, and never waited out as if the server were down.
 */
class PasswordOnPostgresIT {

    private static final String USER = "jobintel_pw";
    private static final String PASSWORD = "correct-horse-battery-staple";

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void serverAsksThisUserForAPassword() throws Exception {
        String admin = Postgres.freshDatabaseUrl();
        url = admin.substring(0, admin.indexOf('?'));
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
            }
            Path hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            // The embedded server trusts everyone; the first matching line wins, so these go on top.
            String rules = Files.readString(hba);
            if (!rules.contains(USER)) {
                Files.writeString(hba, "host all " + USER + " 127.0.0.1/32 scram-sha-256\n"
                        + "host all " + USER + " ::1/128 scram-sha-256\n" + rules);
                s.execute("SELECT pg_reload_conf()");
            }
        }
        Files.writeString(dir.resolve("jobintel.yaml"), "database:\n  url: " + url + "\n  username: " + USER + "\n");
    }

    private JobintelProcess.Result jobintel(Map<String, String> env, String... args) throws Exception {
        return JobintelProcess.run(dir, env, args);
    }

    @Test
    void theRightPasswordFromTheEnvironmentOpensTheDatabase() throws Exception {
        JobintelProcess.Result migrate = jobintel(Map.of("JOBINTEL_DB_PASSWORD", PASSWORD), "db", "migrate");
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        JobintelProcess.Result status = jobintel(Map.of("JOBINTEL_DB_PASSWORD", PASSWORD), "status", "--check");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out() + status.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongOrMissingPasswordIsSaidAtOnceAndNeverPrinted() throws Exception {
        String wrong = "not-the-password-at-all";
        long t0 = System.nanoTime();
        JobintelProcess.Result refused = jobintel(Map.of("JOBINTEL_DB_PASSWORD", wrong), "status");
        assertThat(refused.exit()).as(refused.err()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(refused.err()).contains("password authentication failed for user \"" + USER + "\"")
                .contains("JOBINTEL_DB_PASSWORD").doesNotContain(wrong).doesNotContain("\tat ");
        assertThat(refused.out()).doesNotContain(wrong);

        JobintelProcess.Result missing = jobintel(Map.of(), "status");
        assertThat(missing.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(missing.err()).contains("JOBINTEL_DB_PASSWORD");

        // A worker waits out a server that is down; a refused login is no outage, and it stops.
        JobintelProcess.Result worker = jobintel(Map.of("JOBINTEL_DB_PASSWORD", wrong), "worker", "--poll", "1");
        assertThat(worker.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(worker.err()).contains("password authentication failed").doesNotContain(wrong);
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds for all three").isLessThan(30);
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsNeverPrinted() throws Exception {
        String inUrl = url + "?password=" + PASSWORD;
        JobintelProcess.Result migrate = jobintel(Map.of(), "db", "migrate", "--db", inUrl);
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("password=***");
        JobintelProcess.Result status = jobintel(Map.of(), "status", "--json", "--db", inUrl);
        assertThat(status.exit()).as(status.err()).isZero();
        String wrongInUrl = url + "?password=not-the-password-at-all";
        JobintelProcess.Result refused = jobintel(Map.of(), "status", "--db", wrongInUrl);
        assertThat(refused.exit()).isEqualTo(Main.DATABASE_ERROR);
        assertThat(migrate.out() + migrate.err() + status.out() + status.err()).doesNotContain(PASSWORD);
        assertThat(refused.out() + refused.err()).doesNotContain("not-the-password-at-all");
    }
}
