package dev.jobintel.source.demo;

import dev.jobintel.config.JobintelConfig;
import dev.jobintel.pipeline.Context;
import dev.jobintel.pipeline.Runner;
import dev.jobintel.pipeline.StatusReport;
import dev.jobintel.source.SourceFactory;
import dev.jobintel.store.Database;
import dev.jobintel.store.Jdbc;
import dev.jobintel.testing.Fixtures;
import dev.jobintel.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled snapshot, replayed through the six real adapters, lands what the generator made. */
class DemoSnapshotIT {

    @TempDir
    Path dir;

    @Test
    void everyGeneratedPostingArrivesThroughItsAdapterWithItsFields() {
        DemoSnapshot snapshot = DemoSnapshot.bundled();
        assertThat(snapshot.boardCounts().keySet())
                .containsExactlyInAnyOrder("greenhouse", "lever", "ashby", "workable", "smartrecruiters", "adzuna");
        Context ctx = Fixtures.context(dir, MutableClock.at("2026-11-20T08:00:00Z"), 500);
        try (Database db = ctx.openDatabase();
             SourceFactory factory = SourceFactory.create(JobintelConfig.DEFAULTS.withSources(snapshot.sources()), null,
                     snapshot)) {
            Runner runner = new Runner(ctx, db, false);
            runner.prepare();
            Runner.FetchResult r = runner.fetch(factory.sources(Set.of(), Set.of()));
            assertThat(r.failedBoards()).as("every board replays cleanly").isZero();
            runner.enrich(0);

            Map<String, Object[]> landed = new HashMap<>();
            for (Object[] row : db.read(c -> Jdbc.query(c, "SELECT source, source_job_id, title, company, outcome, "
                    + "outcome_reason FROM raw_postings", rs -> new Object[] {rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)}))) {
                landed.put(row[0] + ":" + row[1], row);
            }
            int checked = 0;
            int duplicates = 0;
            for (DemoRecord rec : DemoGenerator.records()) {
                Truth.Expected e = rec.truth().expected();
                if (e == Truth.Expected.REJECT || e == Truth.Expected.RESEEN) {
                    continue;
                }
                Object[] row = landed.get(rec.source() + ":" + rec.id());
                assertThat(row).as("%s %s landed", rec.source(), rec.id()).isNotNull();
                assertThat(((String) row[2]).strip()).isEqualTo(rec.title().strip());
                switch (e) {
                    case AGENCY -> assertThat(row[5]).as(rec.company()).isEqualTo("agency");
                    case TOO_SHORT -> assertThat(row[5]).isEqualTo("too_short");
                    // Whichever copy of a job lands first creates it; the others merge into it.
                    case DUPLICATE -> {
                        assertThat(row[4]).isIn("enriched", "merged");
                        duplicates++;
                    }
                    default -> assertThat(row[4]).isIn("enriched", "merged");
                }
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(1_400);
            // Pay arrives as the generator stated it, its period included: an Ashby contract's
            // hourly rate recorded as "1 YEAR" was a yearly salary of 25 EUR in the pay report.
            Map<String, Object[]> pay = new HashMap<>();
            for (Object[] row : db.read(c -> Jdbc.query(c, "SELECT r.source, r.source_job_id, j.salary_min, "
                    + "j.salary_max, j.salary_currency, j.salary_period FROM raw_postings r JOIN enriched_jobs j "
                    + "ON j.id = r.job_id WHERE r.outcome = 'enriched'", rs -> new Object[] {rs.getString(1),
                    rs.getString(2), Jdbc.getDouble(rs, "salary_min"), Jdbc.getDouble(rs, "salary_max"),
                    rs.getString(5), rs.getString(6)}))) {
                pay.put(row[0] + ":" + row[1], row);
            }
            int paid = 0;
            for (DemoRecord rec : DemoGenerator.records()) {
                Object[] row = pay.get(rec.source() + ":" + rec.id());
                if (row == null || rec.truth().expected() != Truth.Expected.NEW_JOB) {
                    continue;
                }
                Truth t = rec.truth();
                assertThat(new Object[] {row[2], row[3], row[4], row[5]}).as("pay of %s %s", rec.source(), rec.id())
                        .containsExactly(t.salaryMin(), t.salaryMax(), t.salaryCurrency(), t.salaryPeriod());
                paid += t.salaryPeriod() == null ? 0 : 1;
            }
            assertThat(paid).isGreaterThanOrEqualTo(500);
            long merged = db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome = 'merged'"));
            assertThat(merged).isGreaterThanOrEqualTo(duplicates);
            StatusReport s = StatusReport.read(db);
            assertThat(s.violations()).isEmpty();
            assertThat(s.rejects()).isPositive();
            List<String> sources = db.read(c -> Jdbc.query(c, "SELECT DISTINCT source FROM fetch_runs ORDER BY source",
                    rs -> rs.getString(1)));
            assertThat(sources).containsExactly("adzuna", "ashby", "greenhouse", "lever", "smartrecruiters", "workable");
        }
    }
}
