package dev.jobintel.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL server with every connection slot taken (at max_connections, as when too many
 * workers or other programs share it): a command says so at once, not after the pool's timeout as
 * if the server could not be reached. A server of its own, as max_connections is set when it starts.
 */
class FullServerOnPostgresIT {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void aServerWithFewConnectionSlots() throws Exception {
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "4")
                .setServerConfig("superuser_reserved_connections", "0").start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aServerWithNoConnectionLeftIsSaidAtOnceForWhatItIs() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres?user=postgres";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE jobintel");
        }
        String db = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/jobintel?user=postgres";
        assertThat(jobintel("db", "migrate", "--db", db).exit()).isZero();
        List<Connection> taken = new ArrayList<>();
        try {
            // Every slot taken (the server's own background sessions do not count against max_connections).
            while (true) {
                try {
                    taken.add(DriverManager.getConnection(url));
                } catch (SQLException full) {
                    assertThat(full.getSQLState()).isEqualTo("53300");
                    break;
                }
            }
            long t0 = System.nanoTime();
            CliIT.Result r = jobintel("status", "--db", db);
            assertThat(r.exit()).isEqualTo(Main.DATABASE_ERROR);
            assertThat(r.err()).contains("too many").contains("max_connections").doesNotContain("\tat ")
                    .doesNotContain("timed out").doesNotContain("timeout");
            assertThat((System.nanoTime() - t0) / 1e9).as("seconds, not the pool's timeout").isLessThan(5);
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
        // A slot free again: the same command works.
        CliIT.Result r = jobintel("status", "--db", db);
        assertThat(r.exit()).as(r.err()).isZero();
    }
}
