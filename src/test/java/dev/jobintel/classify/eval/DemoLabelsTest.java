package dev.jobintel.classify.eval;

import dev.jobintel.classify.taxonomy.Taxonomy;
import dev.jobintel.source.demo.DemoDataset;
import dev.jobintel.source.demo.DemoPosting;
import dev.jobintel.source.demo.Truth;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoLabelsTest {

    private static final String GENERATED = DemoLabels.generate();

    @Test
    void theBundledSetIsWhatTheGeneratorMakesNow() throws IOException {
        String bundled = DemoLabels.bundled();
        if (!bundled.equals(GENERATED)) {
            String[] a = bundled.split("\n", -1);
            String[] b = GENERATED.split("\n", -1);
            int i = 0;
            while (i < a.length && i < b.length && a[i].equals(b[i])) {
                i++;
            }
            String file = "src/main/resources" + DemoLabels.RESOURCE;
            throw new AssertionError(file + " is stale: it differs from what the demo generator makes now, first at line "
                    + (i + 1) + " (bundled " + bundled.lines().count() + " lines, generated " + GENERATED.lines().count()
                    + "). Regenerate it with:\n  ./jobintel demo --labels " + file
                    + "\nthen update the accuracy numbers in the README's 'Classifier accuracy' section"
                    + " (./jobintel eval --labels demo).");
        }
    }

    @Test
    void oneValidLabelledLinePerDistinctDemoJob() throws IOException {
        List<DemoPosting> jobs = DemoDataset.postings().stream()
                .filter(p -> p.truth().expected() == Truth.Expected.NEW_JOB).toList();
        List<LabelledExample> xs = new LabelReader("generated", Taxonomy.bundled())
                .read(new BufferedReader(new StringReader(GENERATED)));
        assertThat(xs).hasSize(jobs.size());
        assertThat(xs.size()).isGreaterThan(1_000);
        for (int i = 0; i < xs.size(); i++) {
            Truth t = jobs.get(i).truth();
            Labels l = xs.get(i).labels();
            assertThat(l).isEqualTo(DemoLabels.labels(t));
            assertThat(l.family()).isEqualTo(t.family());
            assertThat(l.skills()).isEqualTo(t.skills());
            assertThat(l.salaryLabelled()).isTrue();
            assertThat(l.salary() == null).isEqualTo(t.salaryMin() == null && t.salaryMax() == null);
        }
        assertThat(xs).anySatisfy(x -> assertThat(x.labels().salary()).isNotNull());
        assertThat(xs).anySatisfy(x -> assertThat(x.labels().salary()).isNull());
        assertThat(GENERATED).startsWith("{\"labels\":{\"family\":").endsWith("\n");
    }
}
