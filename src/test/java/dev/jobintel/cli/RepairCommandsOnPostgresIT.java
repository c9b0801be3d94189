package dev.jobintel.cli;

import dev.jobintel.testing.Postgres;

/** Every test of {@link RepairCommandsIT} (retry, backfill, status --explain), on a real PostgreSQL server. */
class RepairCommandsOnPostgresIT extends RepairCommandsIT {

    @Override
    protected String databaseUrl() {
        return Postgres.freshDatabaseUrl();
    }
}
