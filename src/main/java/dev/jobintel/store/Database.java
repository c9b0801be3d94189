package dev.jobintel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import dev.jobintel.internal.Secrets;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database: a pooled connection source for SQLite or PostgreSQL, its {@link Dialect},
 * schema migrations, and transactions.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String url;
    /** The URL as it may be shown: a password in it masked. Never used to find the database. */
    private final String shownUrl;
    private final Dialect dialect;
    private final HikariDataSource pool;
    /** SQLite files only; null otherwise. */
    private final WalCheckpointer checkpointer;
    /** The file {@link #followFile()} last saw at the path. */
    private Object openedFileKey;
    /** Held while this process writes a SQLite file; see {@link #claimWriter}. */
    private WriterLock writerLock;

    private Database(String url, Dialect dialect, HikariDataSource pool, WalCheckpointer checkpointer) {
        this.url = url;
        this.shownUrl = Secrets.redactUrl(url);
        this.dialect = dialect;
        this.pool = pool;
        this.checkpointer = checkpointer;
    }

    /** The environment variable the PostgreSQL password is read from: never a file, never a flag. */
    public static final String PASSWORD_VARIABLE = "JOBINTEL_DB_PASSWORD";

    /** Opens a database with the password in {@link #PASSWORD_VARIABLE}, if any. */
    public static Database open(String url, String username) {
        return open(url, username, System.getenv(PASSWORD_VARIABLE));
    }

    /**
     * How much of a SQLite file each connection keeps in memory. Filling a cache is not free: its
     * pages are fresh memory, faulted in one by one, and a command that scans once and exits never
     * reads them a second time — 'jobintel status' on 100,000 postings spent 0.45 s of its
     * 1.1 s reading filling 64 MB it then threw away.
     */
    public enum Caching {
        /** Commands that write and read back what they wrote (the pipeline, the dashboard): 64 MB a connection. */
        WORKING(-64_000),
        /** Commands that read once and exit (status, report, export, copy): SQLite's own 2 MB. */
        SINGLE_PASS(-2_000);

        /** As PRAGMA cache_size takes it: negative, in KiB. */
        private final int cacheSize;

        Caching(int cacheSize) {
            this.cacheSize = cacheSize;
        }
    }

    /** Opens a database with the password in {@link #PASSWORD_VARIABLE}, if any, caching as {@code caching} says. */
    public static Database openWith(String url, String username, Caching caching) {
        return open(url, username, System.getenv(PASSWORD_VARIABLE), caching);
    }

    /**
     * Opens a database. The PostgreSQL password, if any, is read from JOBINTEL_DB_PASSWORD by the
     * caller and passed here; it is never logged.
     *
     * @throws LoginRefusedException        when a server answers and refuses the login (no waiting it out)
     * @throws DatabaseUnreachableException when no server answers at the URL's address
     * @throws NotADatabaseException        when the SQLite file exists and is not a database
     */
    public static Database open(String url, String username, String password) {
        return open(url, username, password, Caching.WORKING);
    }

    private static Database open(String url, String username, String password, Caching caching) {
        Dialect dialect = Dialect.forUrl(url);
        HikariConfig hc = new HikariConfig();
        SQLiteDataSource checkpoints = null;
        hc.setPoolName("jobintel");
        hc.setAutoCommit(true);
        if (dialect instanceof SqliteDialect) {
            SqliteNativeLibrary.prepare();
            Path file = sqliteFile(url);
            if (file != null && file.getParent() != null) {
                try {
                    Files.createDirectories(file.getParent());
                } catch (java.io.IOException e) {
                    throw new StoreException("cannot create the directory for the database " + file + ": " + e, e);
                }
            }
            SQLiteConfig cfg = new SQLiteConfig();
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            cfg.enforceForeignKeys(true);
            cfg.setBusyTimeout(30_000);
            cfg.setCacheSize(caching.cacheSize);
            // SQLite's 4 KB pages: 8 KB ones (set before WAL, as page_size must be) measured no faster in
            // bench pipeline, 3 KB descriptions and all. Checkpoints run on a thread of their own
            // (WalCheckpointer); SQLite's, inside a writer's commit, only past 256 MB of log, should that
            // thread fall behind.
            cfg.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "32000");
            cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
            // The driver would otherwise run 'SELECT last_insert_rowid()', a statement prepared anew, after
            // every INSERT, for getGeneratedKeys(), which jobintel never calls (new ids come by RETURNING, as
            // on PostgreSQL): a tenth of the landing thread's time in bench pipeline.
            cfg.setGetGeneratedKeys(false);
            // Write transactions take the write lock when they begin: a transaction that read first
            // and wrote later would fail with SQLITE_BUSY_SNAPSHOT when another connection wrote
            // in between, instead of waiting its turn.
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            SQLiteDataSource ds = new SQLiteDataSource(cfg);
            ds.setUrl(url);
            checkFile(ds, file);
            if (file != null) {
                createOnce(ds, file);
                // The file exists now, and only this one is ours: a connection opened after it was
                // deleted (by hand, or by a user starting afresh) fails, instead of quietly making
                // an empty database there that the rest of the run, or the dashboard, then reads.
                cfg.resetOpenMode(org.sqlite.SQLiteOpenMode.CREATE);
            }
            hc.setDataSource(ds);
            checkpoints = ds;
            // One writer at a time is SQLite's model; a second connection serves reads.
            hc.setMaximumPoolSize(3);
        } else {
            checkLogin(url, username, password);
            hc.setJdbcUrl(url);
            if (username != null) {
                hc.setUsername(username);
            }
            if (password != null) {
                hc.setPassword(password);
            }
            hc.setMaximumPoolSize(8);
            // A server that is down is said so within seconds, not after Hikari's default half minute.
            hc.setConnectionTimeout(10_000);
        }
        hc.setMinimumIdle(1);
        hc.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(hc);
        boolean file = checkpoints != null && sqliteFile(url) != null;
        Database db = new Database(url, dialect, pool, file ? new WalCheckpointer(checkpoints, url) : null);
        db.followFile(); // the file it opened, to tell it from another later at its path
        return db;
    }

    /**
     * Logs in once, outside the pool, so that a command starts only with a database it can use:
     * the pool retries a failed login for its whole connection timeout and then reports a timeout,
     * which says neither that the password is wrong nor that nothing listens at the address.
     */
    private static void checkLogin(String url, String username, String password) {
        java.util.Properties props = new java.util.Properties();
        if (username != null) {
            props.setProperty("user", username);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection c = java.sql.DriverManager.getConnection(url, props)) {
            // Logged in: the pool will too.
        } catch (SQLException e) {
            if (LoginRefusedException.refused(e)) {
                throw new LoginRefusedException(Secrets.redactUrl(url), username, password != null, e);
            }
            if (isUnreachable(e)) {
                throw new DatabaseUnreachableException(Secrets.redactUrl(url), e);
            }
            if ("53300".equals(e.getSQLState())) {
                // The pool would retry for its whole timeout and then report only that it timed out.
                throw new StoreException("the database server at " + Secrets.redactUrl(url) + " refused the connection: "
                        + "it has too many connections already (" + e.getMessage() + "); close idle sessions or "
                        + "workers, or raise the server's max_connections, then run this again", e);
            }
        }
    }

    /**
     * Reads an existing file's header once: a file that is not a SQLite database would otherwise
     * fail every connection the pool tries, for its whole timeout, and then read as a timeout.
     */
    private static void checkFile(SQLiteDataSource ds, Path file) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a directory, not a SQLite database file: point --db or database.url "
                    + "at a file, such as " + file.resolve("jobintel.db"));
        }
        // Once, outside the pool: the pool would retry a file it cannot open for its whole connection
        // timeout and then report only a timeout.
        try (Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA schema_version");
        } catch (SQLException e) {
            if (NotADatabaseException.notADatabase(e)) {
                throw new NotADatabaseException(file, e);
            }
            throw new StoreException("cannot open the SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes the database file, when there is none yet, with one connection that may create it. */
    private static void createOnce(SQLiteDataSource ds, Path file) {
        if (Files.exists(file)) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            // SQLite makes the file as the connection opens.
        } catch (SQLException e) {
            throw new StoreException("cannot create the SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the SQLite file this database was opened at is still at its path (always true for
     * PostgreSQL and in-memory databases). When another file stands there now (the old one
     * deleted and a new one made by a later run), the pool drops its connections to the old one
     * as they come back, so that the next reads are of the file at the path and not, on some
     * connections, of a deleted one. For a process that outlives runs: the dashboard.
     */
    public synchronized boolean followFile() {
        Path file = sqliteFile(url);
        if (file == null) {
            return true;
        }
        Object key = fileKey(file);
        if (key == null) {
            return false;
        }
        if (openedFileKey == null) {
            openedFileKey = key;
        } else if (!key.equals(openedFileKey)) {
            openedFileKey = key;
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        return true;
    }

    /** What tells one file from another at the same path (device and inode where the OS has them); null when there is none. */
    private static Object fileKey(Path file) {
        try {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * What is wrong with a jdbc:sqlite: URL for jobintel, or null when nothing is. An in-memory
     * database would lose a run's postings when it ends; options after '?' are jobintel's to set
     * (those SQLite does not know silently become part of the file's name, so that the writes go to
     * a file the writer lock does not guard, and "mode=ro" fails every connection the pool opens).
     */
    public static String sqliteUrlProblem(String url) {
        if (sqliteFile(url) == null) {
            return "names no file: an in-memory database would lose every posting when the command ends";
        }
        if (url.indexOf('?') >= 0) {
            return "has options after '?': jobintel sets SQLite's options itself; give the file alone "
                    + "(an option SQLite does not know would become part of the file's name)";
        }
        return null;
    }

    /**
     * What is wrong with a jdbc:postgresql: URL, or null when the driver can read it. One it cannot
     * (no '/' and database after the host, a port outside 1 to 65535, a '%' that escapes nothing)
     * failed only at the first connection, as an unexpected error ("Failed to get driver instance")
     * after the driver's log lines, rather than as the mistaken setting it is.
     */
    public static String postgresUrlProblem(String url) {
        // The driver logs why it cannot read a URL as a warning on the terminal; it is said here instead.
        java.util.logging.Logger driverLog = java.util.logging.Logger.getLogger("org.postgresql");
        java.util.logging.Level was = driverLog.getLevel();
        driverLog.setLevel(java.util.logging.Level.OFF);
        try {
            return org.postgresql.Driver.parseURL(url, null) != null ? null
                    : "is not a PostgreSQL URL: write jdbc:postgresql://HOST[:PORT]/DATABASE (a port from 1 to 65535, "
                            + "'%' only as an escape such as %20)";
        } finally {
            driverLog.setLevel(was);
        }
    }

    /** The file of a jdbc:sqlite: URL, or null for in-memory and non-SQLite URLs. */
    public static Path sqliteFile(String url) {
        if (!url.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            if (rest.substring(q).contains("mode=memory")) {
                return null; // "file:x.db?mode=memory" names a file it never writes
            }
            rest = rest.substring(0, q);
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith("file::memory:")) {
            return null;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        return Path.of(rest);
    }

    /** The newest migration in db/migration; DatabaseIT checks it against the files. */
    static final int SCHEMA_VERSION = 12;

    /**
     * Migrates unless the schema history already records every bundled migration as applied.
     * Commands call this on every start; starting Flyway costs a few hundred classes and a
     * quarter of a second, and the schema is nearly always current. {@code db migrate} always
     * runs Flyway (and so its validation).
     */
    public int migrateIfBehind() {
        int applied = appliedVersion();
        refuseNewer(applied);
        return applied == SCHEMA_VERSION ? 0 : migrate();
    }

    public boolean schemaCurrent() {
        return appliedVersion() == SCHEMA_VERSION;
    }

    /** The newest migration the history records as applied; -1 with no history, a failed one, or one Flyway should judge. */
    private int appliedVersion() {
        try (Connection c = pool.getConnection();
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            int newest = 0;
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return -1;
                }
                String v = rs.getString(1);
                if (v != null) {
                    newest = Math.max(newest, Integer.parseInt(v));
                }
            }
            return newest;
        } catch (SQLException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A schema a later jobintel migrated is not this version's to write: Flyway would let it pass
     * (migrations it does not know are "future" ones), and the code would then write rows the newer
     * schema's rules were never checked against.
     */
    private void refuseNewer(int applied) {
        if (applied > SCHEMA_VERSION) {
            throw new SchemaTooNewException("the database " + shownUrl + " has schema version " + applied
                    + ", newer than this jobintel knows (" + SCHEMA_VERSION + "): a later version migrated it; "
                    + "use that version");
        }
    }

    private static final java.util.regex.Pattern PRE_RELEASE_V1 =
            java.util.regex.Pattern.compile("checksum mismatch for migration version 1(?!\\d)");

    /** Brings the schema to the latest version with Flyway (and its validation); returns how many migrations ran. */
    public int migrate() {
        refuseNewer(appliedVersion());
        try {
            MigrateResult r = flyway().migrate();
            return r.migrationsExecuted;
        } catch (FlywayException e) {
            if (PRE_RELEASE_V1.matcher(String.valueOf(e.getMessage())).find()) {
                // Flyway's advice ("run repair") would leave tables the code does not expect.
                throw new StoreException("the database " + shownUrl + " was made by an early pre-release of jobintel "
                        + "whose first schema is not the released one, and cannot be upgraded: use a new database and "
                        + "fetch or import the postings again", e);
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("but no schema history table")) {
                // Flyway's advice (baseline) would leave another program's tables for jobintel to write into.
                throw new StoreException("the database " + shownUrl + " holds tables jobintel did not make (it has no "
                        + "jobintel schema history): point --db or database.url at a jobintel database or a new one", e);
            }
            if (message.contains("failed migration")) {
                // Flyway's advice (repair) would mark a half-made schema as made.
                throw new StoreException("the database " + shownUrl + " holds a schema upgrade that failed part way "
                        + "(" + message.lines().findFirst().orElse("") + "): restore it from a copy taken before the "
                        + "upgrade, then run this version again", e);
            }
            // A schema behind this version's is validated as it is upgraded: Flyway's remedies are no more a
            // jobintel user's here than in db check (and an export, which upgrades first too, cannot read it).
            throw new StoreException("database migration failed on " + shownUrl + ": " + withoutFlywaysAdvice(message,
                    "The schema is not this version's: restore the database from a copy taken before it was changed."), e);
        }
    }

    /**
     * Flyway's own remedies ("run repair", "use baseline()") name commands jobintel does not have,
     * and would mark a schema that differs from this version's as if it were it: said instead is what a
     * user of jobintel can do.
     */
    private static final java.util.regex.Pattern FLYWAYS_ADVICE =
            java.util.regex.Pattern.compile("\\s*(Either revert the changes to the migration|Use baseline\\(\\)"
                    + "|To ignore this migration|To allow executing this migration|Need more flexibility)");

    /** Flyway's words for an applied migration whose record was removed from the history (its remedy, -outOfOrder, would run it again). */
    private static final java.util.regex.Pattern NOT_RECORDED =
            java.util.regex.Pattern.compile("Detected resolved migration not applied to database: ([0-9.]+?)\\.?(?=\\s|$)");

    private static String withoutFlywaysAdvice(String message) {
        return withoutFlywaysAdvice(message, "The schema is not this version's: restore the database from a copy, or "
                + "move its postings with 'jobintel db export postings' into a new one.");
    }

    private static String withoutFlywaysAdvice(String message, String instead) {
        String said = NOT_RECORDED.matcher(String.valueOf(message)).replaceAll("the schema history "
                + "(flyway_schema_history) has no record of migration $1, though it records later ones: its record was "
                + "removed or the history changed by hand");
        java.util.regex.Matcher advice = FLYWAYS_ADVICE.matcher(said);
        return !advice.find() ? said : said.substring(0, advice.start()) + "\n" + instead;
    }

    /**
     * What is wrong with the database itself, as readable lines (none when sound): migrations
     * applied that differ from the bundled ones (Flyway's validation) and damage the engine's own
     * checks find. (A schema newer than this version knows is refused on opening.)
     */
    public List<String> health() {
        List<String> problems = new java.util.ArrayList<>();
        try {
            var result = flyway().validateWithResult();
            if (!result.validationSuccessful) {
                result.invalidMigrations.forEach(m -> problems.add("migration " + m.version + ": "
                        + withoutFlywaysAdvice(m.errorDetails.errorMessage)));
                if (result.invalidMigrations.isEmpty() && result.errorDetails != null) {
                    problems.add("migrations: " + withoutFlywaysAdvice(result.errorDetails.errorMessage));
                }
            }
        } catch (FlywayException e) {
            problems.add("migrations: " + withoutFlywaysAdvice(e.getMessage()));
        }
        for (String sql : dialect.integrityChecks()) {
            String check = sql.replaceAll(".*FROM (\\w+).*", "$1");
            try {
                read(c -> {
                    try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
                        int columns = rs.getMetaData().getColumnCount();
                        int shown = 0;
                        while (rs.next() && shown++ < 20) {
                            List<String> cells = new java.util.ArrayList<>();
                            for (int i = 1; i <= columns; i++) {
                                cells.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
                            }
                            problems.add(check + ": " + String.join(", ", cells));
                        }
                    }
                    return null;
                });
            } catch (StoreException e) {
                // A check that the damage itself stops part way ("database disk image is malformed") has
                // found damage: said with what it reported before it stopped, not thrown as a failed read.
                if (isUnreachable(e)) {
                    throw e;
                }
                problems.add(check + ": " + dev.jobintel.internal.Throwables.rootMessage(e));
            }
        }
        return problems;
    }

    private Flyway flyway() {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(pool)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .mixed(true)
                .load();
    }

    public <T> T inTransaction(Work<T> work) {
        if (checkpointer != null) {
            checkpointer.start();
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                // Cleaning up a connection the server dropped fails too ("Connection is closed"); that
                // must not replace the failure that says why (a restart, which a worker waits out).
                quietly(c::rollback, e);
                quietly(() -> c.setAutoCommit(true), e);
                if (e instanceof SQLException se) {
                    throw new StoreException("transaction failed", "(transaction)", null, se);
                }
                throw (RuntimeException) e;
            }
            quietly(() -> c.setAutoCommit(true), null);
            return result;
        } catch (SQLException e) {
            throw new StoreException("cannot get a connection to " + shownUrl, "(connect)", null, e);
        }
    }

    /**
     * Like {@link #inTransaction}, but run again from the start (up to five times) when the
     * engine aborted it to break a deadlock with another writer's transaction, or as a
     * serialization failure ({@link Dialect#isTransient}; never on SQLite). Every write of several
     * rows that may run beside a fetch, a worker, a backfill or a retry on PostgreSQL goes through
     * here. {@code work} must keep no state outside the database between attempts.
     */
    public <T> T inTransactionRetried(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (StoreException e) {
                if (attempt >= 5 || !causedBy(e, dialect::isTransient)) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Whether {@code t} says the database could not be reached (the server down or restarting,
     * the network gone, no connection within the pool's timeout), rather than that it refused
     * something: worth waiting for, not a reason to give up.
     */
    public static boolean isUnreachable(Throwable t) {
        if (causedBy(t, LoginRefusedException::refused)) {
            return false;
        }
        return causedBy(t, e -> e instanceof java.sql.SQLTransientConnectionException
                || e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P")));
    }

    /** Whether an SQLException that {@code test} accepts is among the causes of {@code t}. */
    static boolean causedBy(Throwable t, java.util.function.Predicate<SQLException> test) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof SQLException se && test.test(se)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs read-only work on a pooled connection, all of it in one snapshot: a ledger read while
     * another process writes must not count the raw postings before a batch lands and the outcomes
     * after it, and then report numbers that do not add up (or miss what does not).
     */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            org.sqlite.SQLiteConnectionConfig sqlite = c.isWrapperFor(org.sqlite.SQLiteConnection.class)
                    ? c.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig() : null;
            if (sqlite != null) {
                // A deferred transaction reads one snapshot and takes no lock; the pool's usual
                // IMMEDIATE one would hold the write lock, and writers would wait on a status.
                sqlite.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            } else {
                // PostgreSQL's default takes a snapshot per statement.
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
            } catch (Throwable e) {
                // Errors too (a report out of memory): the connection goes back to the pool as it was lent.
                endRead(c, sqlite, e instanceof Exception ex ? ex : null);
                throw e;
            }
            endRead(c, sqlite, null);
            return result;
        } catch (SQLException e) {
            throw new StoreException("read failed on " + shownUrl, "(read)", null, e);
        }
    }

    /** Ends a read and hands the connection back as the pool lent it; a step that fails is added to {@code failure}. */
    private static void endRead(Connection c, org.sqlite.SQLiteConnectionConfig sqlite, Exception failure) {
        quietly(c::rollback, failure);
        quietly(() -> c.setAutoCommit(true), failure);
        if (sqlite != null) {
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        } else {
            // Back to the server's default for the pool's other users (asking for it costs a round trip).
            quietly(() -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED), failure);
        }
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    /**
     * A clean-up step whose failure is not the story: added to {@code failure} when there is one,
     * else dropped (the pool discards a connection that fails it, and the work itself succeeded).
     */
    private static void quietly(SqlStep step, Exception failure) {
        try {
            step.run();
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Makes this process the database's writer where the engine takes one writing process (a
     * SQLite file), until {@link #close}; throws {@link DatabaseBusyException} naming the holder
     * if another process is writing. PostgreSQL takes several writers (workers lease their
     * postings), so there it does nothing.
     */
    public synchronized void claimWriter(java.time.Instant now) {
        Path file = sqliteFile(url);
        if (writerLock == null && file != null && !dialect.severalWriters()) {
            // The file's real path: a symbolic link to it is the same database, and must meet the same lock.
            Path real = file.toAbsolutePath();
            try {
                real = file.toRealPath();
            } catch (java.io.IOException notThereYet) {
                // made by this command: its own path is the real one
            }
            writerLock = WriterLock.acquire(real, now);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The URL as it may be shown, a password in it masked. */
    public String url() {
        return shownUrl;
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        pool.close();
        synchronized (this) {
            if (writerLock != null) {
                writerLock.close();
                writerLock = null;
            }
        }
    }
}
