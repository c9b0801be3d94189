package dev.jobintel.source;

import dev.jobintel.testing.Postgres;

/** Every test of {@link BoardFetchIT}, on a real PostgreSQL server. */
class BoardFetchOnPostgresIT extends BoardFetchIT {

    @Override
    protected String databaseUrl() {
        return Postgres.freshDatabaseUrl();
    }
}
