package dev.jobintel.cli;

import dev.jobintel.testing.Postgres;

/** Every test of {@link FaultInjectionIT}, on a real PostgreSQL server. */
class FaultInjectionOnPostgresIT extends FaultInjectionIT {

    @Override
    protected String databaseUrl() {
        return Postgres.freshDatabaseUrl();
    }
}
