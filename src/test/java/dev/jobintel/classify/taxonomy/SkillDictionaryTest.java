package dev.jobintel.classify.taxonomy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkillDictionaryTest {

    private static final SkillDictionary SKILLS = Taxonomy.bundled().skills();

    private static java.util.List<String> names(String text) {
        return SKILLS.find(text).stream().map(SkillDictionary.Skill::name).toList();
    }

    @Test
    void theBundledDictionaryIsLargeAndFamilied() {
        assertThat(SKILLS.size()).isGreaterThanOrEqualTo(400);
        assertThat(SKILLS.all()).allSatisfy(s -> assertThat(s.family()).isNotBlank());
    }

    @Test
    void findsSkillsAsWholeTokensWithPunctuation() {
        assertThat(names("Experience with C++, C#, Node.js and .NET; CI/CD with GitHub Actions."))
                .contains("C++", "C#", "Node.js", ".NET", "CI/CD", "GitHub Actions");
        assertThat(names("We use scikit-learn and k8s")).contains("scikit-learn", "Kubernetes");
    }

    @Test
    void aSkillNameNeverSpansPunctuation() {
        // "spark sql" is an alias of Spark: as one phrase it is Spark, across a comma it is two skills.
        assertThat(names("We use Spark SQL daily")).contains("Spark").doesNotContain("SQL");
        assertThat(names("Day to day: Spark, SQL and Airflow")).contains("Spark", "SQL", "Airflow");
    }

    @Test
    void ordinaryWordsMatchOnlyWithTheirCase() {
        assertThat(names("You will go the extra mile and excel at rust removal")).doesNotContain("Go", "Excel", "Rust");
        assertThat(names("Backend in Go and Rust, reporting in Excel")).contains("Go", "Rust", "Excel");
    }

    @Test
    void aNameInsideAnotherNameIsNotTheSkill() {
        assertThat(names("We just closed our Series C and moved to Salt Lake City. You will support Go-Live activities "
                + "and know Linear Algebra."))
                .doesNotContain("C", "Salt", "Go", "Linear");
        assertThat(names("Services in C and Go, config in Salt, tickets in Linear."))
                .contains("C", "Go", "Salt", "Linear");
    }

    @Test
    void aNameThatOpensASentenceAsAVerbIsTheVerb() {
        assertThat(names("Make sure to apply by Friday. Express your interest below!\n- Go beyond the brief."))
                .doesNotContain("Make", "Express", "Go");
        assertThat(names("Make An Impact\nSpark Your Curiosity\nGo Further")).as("headings").isEmpty();
        assertThat(names("Why join us: Make An Impact")).as("after a heading's colon").isEmpty();
        assertThat(names("Stack: Go, Kafka")).contains("Go", "Kafka");
        // As the subject of its sentence, in a list, or named again, it is the skill.
        assertThat(names("Go is our main language. Chef and Puppet manage our fleet. Make targets build it."))
                .contains("Go", "Chef", "Puppet", "Make");
        assertThat(names("Express your ideas with Node.js and Express.")).contains("Express");
    }

    @Test
    void anOrdinaryWordCapitalisedOnlyByOpeningASentenceIsNotTheTool() {
        assertThat(names("Excel in a fast-paced environment. Spark joy in what you build. Lean teams move fast. "
                + "Swift decisions matter. Unity of purpose drives us. Jest aside, we test everything. Linear growth "
                + "is not enough. Notion of ownership is key. Salt and pepper your reviews with kindness.")).isEmpty();
        // Followed by what a tool is followed by, it is the tool.
        assertThat(names("Swift is our iOS language.")).contains("Swift");
        assertThat(names("Excel skills are a must.")).contains("Excel");
        assertThat(names("Spark and Kafka power the platform.")).contains("Spark", "Kafka");
        assertThat(names("Unity 2022 LTS is our engine.")).contains("Unity");
        assertThat(names("- Excel\n- Tableau")).contains("Excel", "Tableau");
        assertThat(names("Swift iOS Engineer")).as("a title").contains("Swift");
        // Named again where its capital means something, the sentence's opening word does not hide it.
        assertThat(names("Lean teams win. We follow Lean and Kanban.")).contains("Lean");
    }

    @Test
    void aPersonIntroducedByNameIsNotASkill() {
        assertThat(names("Julia, our CTO, will interview you; Ruby, who leads recruiting, answers questions."))
                .doesNotContain("Julia", "Ruby");
        assertThat(names("Modelling in Python, R, Julia, and SQL.")).contains("Julia");
        assertThat(names("Day to day you will work with Excel, A/B testing and Power BI.")).contains("Excel");
        assertThat(names("Services in Ruby, Go and Rust.")).contains("Ruby", "Go", "Rust");
    }

    @Test
    void oneLetterSkillsAreNotFoundInsideRAndDOrCLevel() {
        assertThat(names("Our R&D team reports to the C-level")).doesNotContain("R", "C");
        assertThat(names("Pay: C$90,000 or R$200,000")).doesNotContain("R", "C");
        assertThat(names("Statistics in R and systems programming in C")).contains("R", "C");
    }

    @Test
    void lookupMapsAliasesToCanonicalNames() {
        assertThat(SKILLS.lookup("postgres")).map(SkillDictionary.Skill::name).contains("PostgreSQL");
        assertThat(SKILLS.lookup("K8S")).map(SkillDictionary.Skill::name).contains("Kubernetes");
        assertThat(SKILLS.lookup("no such skill at all")).isEmpty();
    }
}
