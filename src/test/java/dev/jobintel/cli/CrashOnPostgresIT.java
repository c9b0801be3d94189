package dev.jobintel.cli;

import dev.jobintel.testing.Postgres;

/**
 * {@link CrashIT} on a real PostgreSQL server: killed at any point, a rerun reaches the same
 * database. There the killed process leaves its postings leased (1 s in this test's
 * configuration), so the rerun starts once the leases have run out, as a restarted worker would.
 */
class CrashOnPostgresIT extends CrashIT {

    @Override
    protected String newDatabase(String name) {
        return Postgres.freshDatabaseUrl();
    }

    /** Every other kill point (11, across fetch and enrich): the suite's time goes to the engine-specific part. */
    @Override
    protected int stride() {
        return 2;
    }

    @Override
    protected void afterKill() throws InterruptedException {
        Thread.sleep(1_500);
    }
}
