package dev.jobintel.pipeline;

import dev.jobintel.testing.Postgres;

/** Every pipeline test of {@link PipelineIT}, on a real PostgreSQL server. */
class PipelineOnPostgresIT extends PipelineIT {

    @Override
    protected String databaseUrl() {
        return Postgres.freshDatabaseUrl();
    }
}
