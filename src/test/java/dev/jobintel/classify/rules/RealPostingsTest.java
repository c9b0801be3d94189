package dev.jobintel.classify.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobintel.classify.Classification;
import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.config.SourcesConfig;
import dev.jobintel.posting.Hints;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.Prepared;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.source.ashby.AshbyParser;
import dev.jobintel.source.greenhouse.GreenhouseParser;
import dev.jobintel.source.lever.LeverParser;
import dev.jobintel.source.smartrecruiters.SmartRecruitersParser;
import dev.jobintel.source.workable.WorkableParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules classifier on real postings (samples/, provenance in SOURCES.md), parsed as the source adapters parse
 * them, with what a careful reader makes of each. The demo data is generated; these are what employers write.
 */
class RealPostingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RulesClassifier RULES = new RulesClassifier(Taxonomy.bundled());
    private static final LocationResolver RESOLVER = new LocationResolver(Gazetteer.bundled());

    private static JsonNode sample(String path) throws IOException {
        try (InputStream in = RealPostingsTest.class.getResourceAsStream("/samples/" + path)) {
            assertThat(in).as(path).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static SourcesConfig.Board board(String slug, String name) {
        return new SourcesConfig.Board(slug, name, null);
    }

    private static Classification classify(Posting p) {
        return RULES.classify(Prepared.of(p, RESOLVER));
    }

    /** The same posting as a JSON Lines import or another board would give it: the text alone, no structured hints. */
    private static Posting withoutHints(Posting p) {
        return new Posting(p.source(), p.sourceJobId(), p.url(), p.company(), p.title(), p.locationText(), p.description(),
                p.postedAt(), Hints.NONE);
    }

    private static java.util.List<String> skills(Classification c) {
        return c.skills().stream().map(Classification.SkillMention::name).toList();
    }

    @Test
    void spotifysAndroidEngineerIsAHybridMobileJobAndItsWorkFromHomeLeewayIsNoRemoteRole() throws Exception {
        Posting android = LeverParser.posting(sample("lever/hunt_spotify_postings_TRIMMED.json").get(0), board("spotify", "Spotify"));
        Classification c = classify(android);
        assertThat(c.family()).isEqualTo("software_engineering");
        assertThat(c.subfamily()).isEqualTo("mobile");
        assertThat(c.track()).isEqualTo("ic");
        assertThat(c.arrangement()).as("workplaceType hybrid").isEqualTo("hybrid");
        assertThat(skills(c)).contains("Android", "Kotlin", "Swift", "Objective-C", "iOS");
        // "This role is based in London or Stockholm. ... still allows for flexibility to work from home.": an office
        // job's leeway, not a remote one, when the board gives no workplace type.
        assertThat(classify(withoutHints(android)).arrangement()).isNotEqualTo("remote");
    }

    @Test
    void spotifysShortTermContractorInVietnamIsAContractOutsideTechnology() throws Exception {
        Posting vietnam = LeverParser.posting(sample("lever/hunt_spotify_postings_TRIMMED.json").get(1), board("spotify", "Spotify"));
        Classification c = classify(vietnam);
        assertThat(c.family()).isEqualTo("out_of_scope");
        assertThat(c.positionType()).isEqualTo("contract");
        assertThat(c.yearsMin()).as("at least 3+ years of working experience").isEqualTo(3);
        assertThat(c.seniority()).isEqualTo("mid");
        assertThat(skills(c)).isEmpty();
    }

    @Test
    void vercelsAccountExecutivesAreHybridSalesJobsAndItsCustomersAreNoSkills() throws Exception {
        for (JsonNode job : sample("greenhouse/hunt_vercel_jobs_content_true_TRIMMED.json").path("jobs")) {
            Classification c = classify(GreenhouseParser.posting(job, board("vercel", "Vercel")));
            assertThat(c.family()).isEqualTo("out_of_scope");
            assertThat(c.subfamily()).isEqualTo("sales");
            assertThat(c.arrangement()).as("Hybrid - London").isEqualTo("hybrid");
            // "trusted by OpenAI, PayPal, Ramp, Supreme": customers; "Vercel": the employer.
            assertThat(skills(c)).doesNotContain("OpenAI API", "Vercel");
        }
    }

    @Test
    void linearsSeniorOrStaffFullstackEngineersAreRemote() throws Exception {
        for (JsonNode job : sample("ashby/hunt_linear_job_board_TRIMMED.json").path("jobs")) {
            Classification c = classify(AshbyParser.posting(job, board("linear", "Linear")));
            assertThat(c.subfamily()).isEqualTo("fullstack");
            assertThat(c.seniority()).as("the higher of 'Senior / Staff'").isEqualTo("staff");
            assertThat(c.arrangement()).isEqualTo("remote");
            assertThat(skills(c)).doesNotContain("Linear", "OpenAI API");
        }
    }

    @Test
    void huckberrysApparelDesignerWorksAtItsAustinHeadquarters() throws Exception {
        JsonNode job = sample("workable/atlas_ops_huckberry_widget_v1_body.EXTRACTED.json").path("jobs").get(0);
        Classification c = classify(WorkableParser.posting(job, board("huckberry", "Huckberry")));
        // A fashion designer: no digital product design.
        assertThat(c.family()).isEqualTo("out_of_scope");
        assertThat(c.seniority()).isEqualTo("junior");
        assertThat(c.yearsMin()).isEqualTo(2);
        assertThat(c.yearsMax()).isEqualTo(4);
        // "This role is based out of our headquarters in Austin, TX; relocation support will be provided to a remote hire."
        assertThat(c.arrangement()).isEqualTo("onsite");
        assertThat(skills(c)).contains("Illustrator", "Photoshop");
    }

    @Test
    void sportradarsMachineLearningEngineerWorksOnSite() throws Exception {
        JsonNode item = sample("smartrecruiters/atlas_ops_sportradar_postings_list_TRIMMED.EXTRACTED.json").path("content").get(0);
        JsonNode detail = sample("smartrecruiters/atlas_ops_sportradar_posting_detail.EXTRACTED.json");
        Classification c = classify(SmartRecruitersParser.posting(item, detail, board("Sportradar", "Sportradar")));
        assertThat(c.subfamily()).isEqualTo("ml_engineering");
        // "an office-first business operating on a fully on-site model ... in the office five days a week".
        assertThat(c.arrangement()).isEqualTo("onsite");
        assertThat(skills(c)).contains("Python", "Java", "PyTorch", "SQL", "AWS", "Kafka", "Flink");
    }

    @Test
    void ubisoftsFrenchTitlesReadAsTheirEnglishOnesWould() throws Exception {
        JsonNode content = sample("smartrecruiters/hunt_ubisoft2_postings_limit2.json").path("content");
        // "Spécialiste Fiabilité outils et infrastructures": a reliability specialist of tools and infrastructure.
        Classification reliability = classify(SmartRecruitersParser.posting(content.get(0), null, board("Ubisoft2", "Ubisoft")));
        assertThat(reliability.subfamily()).isEqualTo("devops_sre");
        Classification intern = classify(SmartRecruitersParser.posting(content.get(1), null, board("Ubisoft2", "Ubisoft")));
        assertThat(intern.positionType()).as("typeOfEmployment intern").isEqualTo("internship");
        assertThat(intern.seniority()).isEqualTo("intern");
    }
}
