package dev.jobintel.store;

import dev.jobintel.pipeline.Identities;
import dev.jobintel.posting.Posting;
import dev.jobintel.posting.location.Gazetteer;
import dev.jobintel.posting.location.LocationResolver;
import dev.jobintel.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complete fetch closes the postings its board no longer lists, and only those, even while
 * other processes write the same postings: on PostgreSQL an import, or a scheduled fetch of the
 * same board overlapping a slow one, may land between this fetch landing a posting and closing
 * the board.
 */
class ClosingIT {

    @TempDir
    Path dir;

    private Database db;
    private final Identities identities = new Identities(new LocationResolver(Gazetteer.bundled()));
    private final Posting first = Fixtures.posting("greenhouse", "1", "Acme", "Data Engineer", "London", Fixtures.DESCRIPTION);
    private final Posting second = Fixtures.posting("greenhouse", "2", "Acme", "Backend Engineer", "London", Fixtures.DESCRIPTION);

    @BeforeEach
    void open() {
        db = Database.open(Fixtures.sqliteUrl(dir), null, null);
        db.migrate();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long land(String run, String source, String board, long seenAt, boolean listsAll, Posting... postings) {
        long fetchRun = FetchRuns.start(db, run, source, board, seenAt);
        List<Landing> batch = java.util.Arrays.stream(postings).map(identities::prepare).toList();
        db.inTransaction(c -> RawPostings.land(c, batch, seenAt, fetchRun, board, listsAll));
        return fetchRun;
    }

    private int closeAbsent(long fetchRun, long seenAt) {
        return db.inTransaction(c -> RawPostings.closeAbsent(c, "greenhouse", "acme", fetchRun, seenAt));
    }

    @Test
    void whatOtherWritersLandDuringAFetchIsNotClosedByIt() {
        long fetch = land("a", "greenhouse", "acme", 10_000, true, first, second);
        // An import started a little earlier lands the first posting again; a fetch of the same
        // board started earlier still lands the second: both after this fetch landed them.
        land("i", "import", "export.jsonl", 9_000, false, first);
        land("b", "greenhouse", "acme", 9_500, true, second);
        assertThat(closeAbsent(fetch, 10_000)).as("both are listed").isZero();

        // The next fetch that does not list the second closes it, as ever.
        long next = land("c", "greenhouse", "acme", 20_000, true, first);
        assertThat(closeAbsent(next, 20_000)).isEqualTo(1);
        String closed = db.read(c -> Jdbc.one(c, "SELECT source_job_id FROM raw_postings WHERE closed_at IS NOT NULL",
                rs -> rs.getString(1)));
        assertThat(closed).isEqualTo("2");
    }
}
