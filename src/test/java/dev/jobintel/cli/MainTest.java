package dev.jobintel.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void aCommandNamedFirstIsTheOnlyOneBuiltAndAnythingElseGetsThemAll() {
        assertThat(Main.commandLine("status", "--check").getSubcommands()).containsOnlyKeys("status");
        assertThat(Main.commandLine("db", "copy", "--to", "x.db").getSubcommands().get("db").getSubcommands())
                .containsKeys("copy", "export", "migrate");
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"help", "status"}, {"statsu"}}) {
            assertThat(Main.commandLine(args).getSubcommands()).as(String.join(" ", args))
                    .hasSize(Main.COMMANDS.size()).containsKeys("run", "status", "report", "db", "help");
        }
    }

    @Test
    void aCommandBuiltAloneParsesAndFailsAsWithAllTheOthers() {
        // The error handlers and the path converter reach a command added on its own as well.
        StringWriter err = new StringWriter();
        var cl = Main.commandLine("status", "--db", "");
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("status", "--db", "")).isEqualTo(Main.CONFIG_ERROR);
        assertThat(err.toString()).contains("--db").contains("See 'jobintel status --help'");

        StringWriter err2 = new StringWriter();
        var misspelt = Main.commandLine("statsu");
        misspelt.setErr(new PrintWriter(err2, true));
        assertThat(misspelt.execute("statsu")).isEqualTo(Main.CONFIG_ERROR);
        assertThat(err2.toString()).contains("Did you mean: jobintel status?");
    }

    @Test
    void aPostgresUrlTheDriverCannotReadIsAUsageErrorNamingTheOptionNotAnUnexpectedOne() {
        // No database after the host (the commonest slip), a port out of range, a stray '%': each failed at the
        // first connection with exit 1 and "RuntimeException: Failed to get driver instance", after log lines.
        for (String[] args : new String[][] {{"status", "--db", "jdbc:postgresql://db.example.com:5432"},
                {"report", "demand", "--db", "jdbc:postgresql://db.example.com:99999/jobintel?password=hunter2"},
                {"db", "copy", "--db", "x.db", "--to", "jdbc:postgresql://db.example.com/job%zzintel"}}) {
            StringWriter err = new StringWriter();
            var cl = Main.commandLine(args);
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute(args)).as(String.join(" ", args)).isEqualTo(Main.CONFIG_ERROR);
            assertThat(err.toString()).as(String.join(" ", args)).contains(args[args.length - 2] + " '")
                    .contains("is not a PostgreSQL URL: write jdbc:postgresql://HOST[:PORT]/DATABASE")
                    .doesNotContain("hunter2").doesNotContain("RuntimeException");
        }
    }

    @Test
    void aCopyIntoTheLogOfADatabaseIsRefusedBeforeAnythingIsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // 'db copy --to market.db-wal' said every row was copied, and the copy was gone: SQLite took the file for
        // market.db's log and removed it when the source's connections closed.
        java.nio.file.Path db = dir.resolve("market.db");
        java.nio.file.Files.write(db, "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (String companion : new String[] {"-wal", "-shm", "-journal"}) {
            String[] args = {"db", "copy", "--db", db.toString(), "--to", db + companion, "--no-progress"};
            StringWriter err = new StringWriter();
            var cl = Main.commandLine(args);
            cl.setErr(new PrintWriter(err, true));
            assertThat(cl.execute(args)).as(companion).isEqualTo(Main.CONFIG_ERROR);
            assertThat(err.toString()).contains("--to '" + db + companion + "' belongs to the SQLite database beside it");
            assertThat(dir.resolve("market.db" + companion)).doesNotExist();
        }
    }
}
