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
        assertThat(names("We're looking for a Go-Getter who thrives in ambiguity. Are you one of our Go-getters?"))
                .doesNotContain("Go");
        assertThat(names("Services in C and Go, config in Salt, tickets in Linear."))
                .contains("C", "Go", "Salt", "Linear");
    }

    @Test
    void aLetterThatLabelsABandOrStandsInAListOfLettersIsNoLanguage() {
        assertThat(names("This role sits in salary band C.")).doesNotContain("C");
        assertThat(names("We always have a Plan A, B or C.")).doesNotContain("C");
        assertThat(names("Grades A to C are eligible; options A/B/C.")).doesNotContain("C");
        assertThat(names("C or D level candidates welcome.")).doesNotContain("C");
        assertThat(names("We offer tiers A through C.")).doesNotContain("C");
        assertThat(names("Our office is on the 3rd floor; meetups in Hall C.")).doesNotContain("C");
        // "building" is a verb before a language far more often than a building's name.
        assertThat(names("You will be building C and C++ services.")).contains("C", "C++");
        assertThat(names("Experience building R packages for statisticians.")).contains("R");
        // Beside another one-letter language, or in a list of skills, it is the language.
        assertThat(names("We use C and R for numerics.")).contains("C", "R");
        assertThat(names("Languages: C, R, Python.")).contains("C", "R", "Python");
        assertThat(names("Strong C, C++ skills.")).contains("C", "C++");
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
    void aTownBeforeItsStateIsNotASkill() {
        // Cypress, Texas and Cypress, California are towns; Spring, Texas too.
        assertThat(names("This role is based at our plant in Cypress, TX 77429.")).doesNotContain("Cypress");
        assertThat(names("Location: Cypress, CA. You will test with Playwright.")).doesNotContain("Cypress").contains("Playwright");
        assertThat(names("Our office in Cypress, Texas, is near Houston.")).doesNotContain("Cypress");
        // A list of skills goes on after a comma: "Unity, AR/VR", "Cypress, PA" is no list.
        assertThat(names("End-to-end tests in Cypress, Jest and Playwright.")).contains("Cypress");
        assertThat(names("Game engines: Unity, AR/VR toolkits, Unreal.")).contains("Unity");
        assertThat(names("You know Unity, AR, VR and 3D maths.")).contains("Unity");
        assertThat(names("Tools: Jest, Cypress, CI pipelines.")).contains("Cypress");
    }

    @Test
    void aPersonIntroducedByNameIsNotASkill() {
        assertThat(names("Julia, our CTO, will interview you; Ruby, who leads recruiting, answers questions."))
                .doesNotContain("Julia", "Ruby");
        // The role before the name, between commas: "our CEO, Julia, founded…".
        assertThat(names("Our CEO, Julia, previously founded a fintech, and our head of talent, Ruby, will call you."))
                .doesNotContain("Julia", "Ruby");
        assertThat(names("Modelling in Python, R, Julia, and SQL.")).contains("Julia");
        assertThat(names("Languages we use: Go, Ruby, Elixir.")).contains("Ruby");
        assertThat(names("You have been a team lead, Go, Kubernetes and AWS are familiar.")).contains("Go");
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

    @Test
    void theCommonShortNamesOfSkillsAreThoseSkillsButNodeOnlyInAListOfSkills() {
        // A model's skills "JS", "Node JS" and "node" were kept as unknown skills beside JavaScript and Node.js.
        for (String[] alias : new String[][] {{"JS", "JavaScript"}, {"Node JS", "Node.js"}, {"node", "Node.js"},
                {"React JS", "React"}, {"Vue JS", "Vue.js"}, {"Next JS", "Next.js"}, {"Vanilla JS", "JavaScript"},
                {"Springboot", "Spring Boot"}, {"MS SQL", "Microsoft SQL Server"}}) {
            assertThat(SKILLS.lookup(alias[0])).as(alias[0]).map(SkillDictionary.Skill::name).contains(alias[1]);
        }
        assertThat(names("Strong JS skills; we run Node JS services")).contains("JavaScript", "Node.js");
        // "React JS" is React, its "JS" no second skill.
        assertThat(names("Experience with React JS")).containsExactly("React");
        // In prose a node is a node of a graph or a cluster.
        assertThat(names("Each node of the Kubernetes cluster runs one pod; a node fails, another takes over"))
                .containsExactly("Kubernetes");
    }

    @Test
    void ordinaryWordsInOrdinaryUseAreNotSkills() {
        assertThat(names("Questions? Contact Maria Jenkins in our Talent team.")).doesNotContain("Jenkins");
        assertThat(names("We're a small, agile team of 14 people spread across Europe.")).doesNotContain("Agile");
        assertThat(names("You'll plan maintenance windows with the product teams.")).doesNotContain("Windows");
        assertThat(names("You will own our core data models and the streaming platform.")).doesNotContain("Core Data");
        assertThat(names("As an Account Executive you will own the Mid-Market Segment in the central US."))
                .doesNotContain("Segment");
        assertThat(names("Present findings to our leadership team.")).doesNotContain("Leadership");
        assertThat(names("Our values: Unity, Courage and Care.")).doesNotContain("Unity");
        assertThat(names("A Registered Nurse for the medical-surgical unit at our Aurora campus.")).doesNotContain("Amazon Aurora");
        assertThat(names("We are trusted by OpenAI, PayPal and Stripe to reconcile payouts.")).doesNotContain("OpenAI API", "Stripe");
        assertThat(names("Before joining us she led pharmacy analytics at Express Scripts.")).doesNotContain("Express");
        // Linear's Ashby postings: the companies that use the product, in brackets, are no tools of the job.
        assertThat(names("Linear has become the platform of choice for more than 40,000 companies (including OpenAI, "
                + "Coinbase, and Ramp) to plan, build, and ship their products.")).doesNotContain("OpenAI API");
        assertThat(names("Our customers (including OpenAI and Stripe) rely on us.")).doesNotContain("OpenAI API", "Stripe");
        // Where the team worked before, and who the company partners with, are employers, not tools.
        assertThat(names("Our founders previously worked at OpenAI, DeepMind and Google Brain.")).doesNotContain("OpenAI API");
        assertThat(names("Our team includes former engineers from Stripe, Airbnb and Netflix.")).doesNotContain("Stripe");
        assertThat(names("We partner with OpenAI and Anthropic to bring frontier models to enterprises."))
                .doesNotContain("OpenAI API");
        assertThat(names("If you need an accessibility accommodation during the interview process, email us."))
                .doesNotContain("Accessibility");
        assertThat(names("By applying you agree that we process your data in line with the GDPR.")).doesNotContain("GDPR");
        assertThat(names("A culture of experimentation and learning.")).doesNotContain("A/B testing");
        assertThat(names("Plan and optimise programmatic campaigns across DSP and SSP platforms.")).doesNotContain("DSP");
        assertThat(names("Headquartered in Pittsburgh, we are rebuilding manufacturing across the Rust Belt."))
                .doesNotContain("Rust");
        // Words of other languages and trades spelled as a tool's short name: French "vue" (a view), Portuguese
        // "sem" (without), a project's red-amber-green status, guard rails, social networking services.
        assertThat(names("Du point de vue technique, vous serez en vue de la production. Vue d'ensemble du poste."))
                .doesNotContain("Vue.js");
        assertThat(names("Trabalho sem supervisão, sem experiência prévia necessária.")).doesNotContain("SEM");
        assertThat(names("Provide weekly RAG status updates and maintain the RAID log.")).doesNotContain("Retrieval-augmented generation");
        assertThat(names("You will put guard rails in place for our payments flows.")).doesNotContain("Ruby on Rails");
        assertThat(names("Plan our SNS marketing and grow our SNS accounts in Japan and Korea.")).doesNotContain("Amazon SNS");
    }

    @Test
    void theSameNamesAsToolsStillCount() {
        assertThat(names("Maintain Jenkins pipelines and GitHub Actions.")).contains("Jenkins");
        assertThat(names("Senior Backend Go Engineer")).contains("Go");
        assertThat(names("We work in Agile sprints; experience with agile methodologies.")).contains("Agile");
        assertThat(names("Manage our Linux and Windows servers.")).contains("Windows");
        assertThat(names("Persistence with Core Data and SwiftUI.")).contains("Core Data");
        assertThat(names("Event tracking with Segment and Amplitude.")).contains("Segment");
        assertThat(names("You bring leadership and mentoring of junior engineers.")).contains("Leadership");
        assertThat(names("Games built in Unity and C#.")).contains("Unity");
        assertThat(names("We run PostgreSQL on Aurora and DynamoDB.")).contains("Amazon Aurora");
        assertThat(names("You'll build agents on the OpenAI API and Anthropic's models.")).contains("OpenAI API");
        assertThat(names("Our services run on Node.js with Express and PostgreSQL.")).contains("Express");
        assertThat(names("Build to WCAG 2.2 and champion accessibility across the product.")).contains("Accessibility");
        assertThat(names("You will ensure our data pipelines comply with GDPR.")).contains("GDPR");
        assertThat(names("Run A/B testing on our experimentation platform.")).contains("A/B testing");
        assertThat(names("Firmware for DSP chips and real-time audio.")).contains("DSP");
        assertThat(names("Services in Rust, built by a team across the Rust Belt.")).contains("Rust");
        assertThat(names("Tools used by our engineers: Python, Go and Terraform.")).contains("Python", "Go", "Terraform");
        assertThat(names("We are trusted by Stripe. Python is our language.")).contains("Python");
        assertThat(names("Payouts services in Go, backed by PostgreSQL and Kafka.")).contains("PostgreSQL", "Kafka");
        assertThat(names("Experience with cloud providers (including AWS and GCP) and Kafka.")).contains("AWS", "GCP");
        assertThat(names("Experience with OpenAI and Stripe APIs; you will read events from Kafka at scale."))
                .contains("OpenAI API", "Stripe", "Kafka");
        assertThat(names("Expérience en Vue.js ou React. Maîtrise de Vue 3 et TypeScript.")).contains("Vue.js");
        assertThat(names("Our frontend is Vue and Nuxt.")).contains("Vue.js");
        assertThat(names("Experiência com SEM, SEO e Google Ads.")).contains("SEM");
        assertThat(names("Build RAG pipelines over our documentation.")).contains("Retrieval-augmented generation");
        assertThat(names("Our monolith runs on Rails and PostgreSQL.")).contains("Ruby on Rails");
        assertThat(names("Publish events to SNS topics and consume them from SQS.")).contains("Amazon SNS");
    }
}
