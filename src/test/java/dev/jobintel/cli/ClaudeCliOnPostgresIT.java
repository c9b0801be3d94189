package dev.jobintel.cli;

import dev.jobintel.testing.Postgres;

/** Every test of {@link ClaudeCliIT}, on a real PostgreSQL server. */
class ClaudeCliOnPostgresIT extends ClaudeCliIT {

    @Override
    protected String databaseUrl() {
        return Postgres.freshDatabaseUrl();
    }
}
