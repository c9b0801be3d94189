package dev.jobintel.pipeline;

import dev.jobintel.testing.Postgres;

/** Every test of {@link BatchEnricherIT}, on a real PostgreSQL server. */
class BatchEnricherOnPostgresIT extends BatchEnricherIT {

    @Override
    protected String databaseUrl() {
        return Postgres.freshDatabaseUrl();
    }
}
