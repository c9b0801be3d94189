package dev.jobintel.posting;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.source.demo.DemoDataset;
import dev.jobintel.source.demo.DemoPosting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseSetTest {

    /** The first phrase of the list found in the text, checking each: what PhraseSet must answer. */
    private static int firstByScan(List<Phrase> phrases, LowerText text) {
        for (int i = 0; i < phrases.size(); i++) {
            if (phrases.get(i).foundIn(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheSameFirstPhraseAsCheckingEveryPhraseInOrder() {
        List<Phrase> phrases = new ArrayList<>();
        Taxonomy t = Taxonomy.bundled();
        t.subfamilyRules().forEach(r -> phrases.addAll(r.title()));
        t.levels().forEach(l -> phrases.addAll(l.markers()));
        t.trackRules().forEach(r -> phrases.addAll(r.markers()));
        assertThat(phrases.size()).isGreaterThan(64); // more than one word of the bitset
        PhraseSet set = new PhraseSet(phrases);
        List<String> titles = new ArrayList<>(List.of("", "Senior Backend Engineer", "Engineer", "Head of Data",
                "Staff Software Engineer (m/w/d)", "UX Writer", ".NET Developer", "Werkstudent Data Science",
                "Principal Product Manager, Growth", "Frontend-Entwickler", "zzz",
                // German compounds: a word a pattern names may go on ("IT-Sicherheit" in "IT-Sicherheitsexperte").
                "IT-Sicherheitsexperte (m/w/d)", "Datenanalystin", "Softwarearchitektin", "Stage Data Scientist (H/F)"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (DemoPosting p : DemoDataset.postings()) {
            // The demo lines are in the sources' own formats: the title is "title", "text" or "name".
            com.fasterxml.jackson.databind.JsonNode node;
            try {
                node = json.readTree(p.jsonLine());
            } catch (com.fasterxml.jackson.core.JsonProcessingException deliberatelyMalformed) {
                continue;
            }
            for (String field : List.of("title", "text", "name")) {
                node.findValuesAsText(field).stream().filter(v -> v.length() < 120).forEach(titles::add);
            }
        }
        assertThat(titles.size()).isGreaterThan(1000);
        for (String title : titles) {
            LowerText text = LowerText.of(Normalizer.title(title));
            assertThat(set.firstFound(text)).as(title).isEqualTo(firstByScan(phrases, text));
        }
    }

    @Test
    void aPhraseWithAnAlternativeNeedingNoWordIsAlwaysTried() {
        List<Phrase> phrases = List.of(new Phrase(Pattern.compile("\\bfully remote\\b")),
                new Phrase(Pattern.compile("c\\+\\+|\\bgolang\\b")), new Phrase(Pattern.compile("\\bremote\\b")));
        PhraseSet set = new PhraseSet(phrases);
        assertThat(set.firstFound(LowerText.of("we write c++"))).isEqualTo(1);
        assertThat(set.firstFound(LowerText.of("a remote role"))).isEqualTo(2);
        assertThat(set.firstFound(LowerText.of("fully remote"))).isZero();
        assertThat(set.firstFound(LowerText.of("on site"))).isEqualTo(-1);
    }
}
