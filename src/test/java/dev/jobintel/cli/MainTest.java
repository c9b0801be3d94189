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
}
