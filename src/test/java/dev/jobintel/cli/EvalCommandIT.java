package dev.jobintel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.jobintel.cli.CliIT.jobintel;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code jobintel eval} as a user runs it, in-process, with the rules classifier. */
class EvalCommandIT {

    @TempDir
    Path dir;

    /*
     * Four postings whose rules classification is plain from their text and hints. Posting 3 is
     * labelled wrong on purpose (a designer labelled as data science, senior, with another pay
     * range and two skills it does not mention); posting 4 mentions AWS but is not labelled with
     * it, and labels only family, track, salary and skills. So, exactly:
     *   family 3/4, subfamily 2/3, seniority 2/3, track 3/3, arrangement 2/2, position_type 2/2,
     *   salary 3/4 (2 stated, both found, 1 matching; 2 without, none spurious),
     *   skills: 9 right, 1 extra (AWS), 2 missed (Sketch, Photoshop) -> precision 9/10, recall 9/11.
     */
    private static final String HAND_MADE = """
            {"source":"greenhouse","id":"1","url":"https://boards.example.com/acme/1","company":"Acme","title":"Senior Backend Engineer","location":"London, UK","description":"<p>We build payment systems for merchants with Java, Kafka and PostgreSQL.</p>","hints":{"salary":{"min":70000,"max":90000,"currency":"GBP","period":"year"},"workplace":"hybrid","employment_type":"full_time"},"labels":{"family":"software_engineering","subfamily":"backend","seniority":"senior","track":"ic","arrangement":"hybrid","position_type":"full_time","salary":{"min":70000,"max":90000,"currency":"GBP","period":"year"},"skills":["Java","Kafka","PostgreSQL"]}}
            {"source":"lever","id":"2","url":"https://jobs.example.com/beta/2","company":"Beta","title":"Data Engineer","location":"Berlin, Germany","description":"<p>You will build pipelines with Python, SQL and Airflow. This is a fully remote role.</p>","labels":{"family":"data","subfamily":"data_engineering","seniority":"mid","track":"ic","arrangement":"remote","position_type":"full_time","salary":null,"skills":["Python","SQL","Airflow"]}}

            {"source":"lever","id":"3","url":"https://jobs.example.com/beta/3","company":"Beta","title":"Product Designer","location":"Berlin, Germany","description":"<p>Design our app in Figma. The salary range for this role is €60,000 - €75,000 per year.</p>","labels":{"family":"data","subfamily":"data_science","seniority":"senior","salary":{"min":60000,"max":80000,"currency":"EUR","period":"year"},"skills":["Figma","Sketch","Photoshop"]}}
            {"source":"ashby","id":"4","url":"https://jobs.example.com/gamma/4","company":"Gamma","title":"Engineering Manager","location":"Remote","description":"<p>Lead a team of eight engineers working in Go and Kubernetes on AWS.</p>","labels":{"family":"software_engineering","track":"management","salary":null,"skills":["Go","Kubernetes"]}}
            """;

    private Path handMade() throws IOException {
        Path f = dir.resolve("hand-made.jsonl");
        Files.writeString(f, HAND_MADE);
        return f;
    }

    @Test
    void printsPerFieldAccuracyOnAHandMadeSet() throws IOException {
        CliIT.Result r = jobintel("eval", "--labels", handMade().toString(), "--no-progress", "--show-errors", "5");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Evaluated the rules classifier on 4 labelled postings")
                .containsPattern("family +3 +4 +75\\.0%")
                .containsPattern("subfamily +2 +3 +66\\.7%")
                .containsPattern("seniority +2 +3 +66\\.7%")
                .containsPattern("track +3 +3 +100\\.0%")
                .containsPattern("arrangement +2 +2 +100\\.0%")
                .containsPattern("position_type +2 +2 +100\\.0%")
                .containsPattern("salary +3 +4 +75\\.0%")
                .contains("Salary: 2 of 2 stated found (1 matching); 0 spurious among 2 with none stated.")
                .contains("Skills: precision 90.0% (9 of 10 predicted), recall 81.8% (9 of 11 labelled), over 4 postings.")
                .contains("Failures: none.")
                .contains("Mismatches, family (showing 1 of 1 wrong):")
                .containsPattern("lever:3 +Product Designer +data +design")
                .containsPattern("lever:3 +Product Designer +60,000-80,000 EUR/year +60,000-75,000 EUR/year")
                .containsPattern("lever:3 +Product Designer +missed: Sketch, Photoshop")
                .containsPattern("ashby:4 +Engineering Manager +extra: AWS");
    }

    @Test
    void jsonCarriesTheSameNumbers() throws IOException {
        CliIT.Result r = jobintel("eval", "--labels", handMade().toString(), "--json", "--show-errors", "1",
                "--classifier", "rules");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("classifier").asText()).isEqualTo("rules");
        assertThat(j.get("examples").asInt()).isEqualTo(4);
        assertThat(j.get("classified").asInt()).isEqualTo(4);
        JsonNode family = j.get("fields").get(0);
        assertThat(family.get("field").asText()).isEqualTo("family");
        assertThat(family.get("correct").asInt()).isEqualTo(3);
        assertThat(family.get("total").asInt()).isEqualTo(4);
        assertThat(family.get("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(family.get("mismatches")).hasSize(1);
        assertThat(family.get("mismatches").get(0).get("got").asText()).isEqualTo("design");
        JsonNode skills = j.get("skills");
        assertThat(skills.get("truePositives").asInt()).isEqualTo(9);
        assertThat(skills.get("falsePositives").asInt()).isEqualTo(1);
        assertThat(skills.get("falseNegatives").asInt()).isEqualTo(2);
        assertThat(skills.get("precision").asDouble()).isEqualTo(0.9);
        assertThat(skills.get("recall").asDouble()).isEqualTo(9.0 / 11);
        assertThat(j.get("salary").get("stated").asInt()).isEqualTo(2);
        assertThat(j.get("salary").get("matched").asInt()).isEqualTo(1);
        assertThat(j.get("failures")).isEmpty();
    }

    @Test
    void aGzippedSetIsReadAsTheImportReadsOne() throws IOException {
        Path gz = dir.resolve("hand-made.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(HAND_MADE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CliIT.Result r = jobintel("eval", "--labels", gz.toString(), "--no-progress");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("on 4 labelled postings").containsPattern("family +3 +4 +75\\.0%");

        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
        CliIT.Result cut = jobintel("eval", "--labels", gz.toString(), "--no-progress");
        assertThat(cut.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(cut.err()).contains(gz.toString()).contains("cut short").doesNotContain("\tat ");
    }

    @Test
    void aMalformedFileIsExitCodeTwoWithFileAndLine() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        String[] lines = HAND_MADE.split("\n");
        Files.writeString(f, lines[0] + "\n" + lines[1] + "\n{\"source\": \"lever\", \"title\": \n");
        CliIT.Result r = jobintel("eval", "--labels", f.toString());
        assertThat(r.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(r.err()).contains("error: " + f + ":3: not valid JSON").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();

        Files.writeString(f, lines[0] + "\n" + lines[1].replace("\"family\":\"data\"", "\"famly\":\"data\"") + "\n");
        CliIT.Result unknown = jobintel("eval", "--labels", f.toString());
        assertThat(unknown.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(unknown.err()).contains(f + ":2: labels.famly: unknown field");

        Files.writeString(f, lines[0].replaceAll(",\"labels\":.*}$", "}") + "\n");
        CliIT.Result missing = jobintel("eval", "--labels", f.toString());
        assertThat(missing.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(missing.err()).contains(f + ":1: labels: missing");
    }

    @Test
    void usageErrorsAreExitCodeTwo() {
        assertThat(jobintel("eval").exit()).isEqualTo(Main.CONFIG_ERROR);
        CliIT.Result nofile = jobintel("eval", "--labels", dir.resolve("missing.jsonl").toString());
        assertThat(nofile.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(nofile.err()).contains("no labelled file");
        assertThat(jobintel("eval", "--labels", "demo", "--classifier", "gpt").exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(jobintel("eval", "--labels", "demo", "--limit", "-1").exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(jobintel("eval", "--help").out()).contains("Usage: jobintel eval");
    }

    @Test
    void theBundledSetWorksWithoutAFileOrADatabase() throws IOException {
        Path db = dir.resolve("never.db");
        Path config = Files.writeString(dir.resolve("jobintel.yaml"), "database:\n  url: jdbc:sqlite:" + db + "\n");
        CliIT.Result r = jobintel("eval", "--labels", "demo", "--json", "--limit", "200", "--config", config.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("examples").asInt()).isEqualTo(200);
        assertThat(j.get("labels").asText()).startsWith("demo");
        assertThat(j.get("fields").get(0).get("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(db).as("eval opens no database").doesNotExist();
        // So it offers no --db to be misread as where the results go.
        CliIT.Result withDb = jobintel("eval", "--labels", "demo", "--db", "jdbc:sqlite:" + db);
        assertThat(withDb.exit()).isEqualTo(Main.CONFIG_ERROR);
        assertThat(withDb.err()).contains("Unknown options: '--db'");
    }
}
