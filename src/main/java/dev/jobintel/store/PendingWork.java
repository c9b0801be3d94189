package dev.jobintel.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pending postings this process may decide, a keyset page at a time.
 *
 * <p>Where one process writes the database (a SQLite file, see {@link Database#claimWriter})
 * every pending posting is its own. Where several workers share it (PostgreSQL), each page is
 * leased: claimed in one statement that skips the rows another worker is claiming at that
 * moment and the rows under another worker's live lease, and marked with this worker's name
 * and an expiry. While the process lives a thread renews its leases; {@link #close} gives back
 * the ones it did not decide. A killed worker renews nothing, so its postings return to the
 * pool when the lease runs out (its term, two minutes by default), and nothing is lost. Lease
 * times are the database server's ({@link Dialect#nowMillis}), so workers' clocks need not agree.
 */
public final class PendingWork implements AutoCloseable {

    private static final String HELD = "r.outcome = 'pending' AND r.batch_id IS NULL AND r.lease_owner = ?";

    private final Database db;
    private final String owner;
    /** The server's time, in the SQL of this database. */
    private final String now;
    /** How long a lease lasts unrenewed: how long a killed worker's postings wait. */
    private final long termMillis;
    private final String claimSql;
    private ScheduledExecutorService renewer;
    private volatile boolean closed;
    /** Gives the leases back if the JVM is stopped (SIGTERM, Ctrl-C) before {@link #close}; null for a worker. */
    private Thread atExit;
    private boolean handsBackItself;

    private PendingWork(Database db, String owner, Duration term) {
        this.db = db;
        this.owner = owner;
        this.termMillis = term.toMillis();
        this.now = db.dialect().nowMillis();
        this.claimSql = "UPDATE raw_postings SET lease_owner = ?, lease_until = " + now + " + ? WHERE id IN (SELECT id "
                + "FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL AND id > ? AND (lease_owner IS NULL "
                + "OR lease_owner = ? OR lease_until < " + now + ") ORDER BY id LIMIT ?" + db.dialect().skipLocked() + ")";
    }

    /**
     * This process's pending work on {@code db}, under a worker name unique to this process, with
     * leases of {@code term} (renewed four times a term).
     */
    public static PendingWork of(Database db, Duration term) {
        return new PendingWork(db, workerName(), term);
    }

    /** host:pid:random, so that the name says where a worker runs and is never reused. */
    static String workerName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (java.io.IOException | RuntimeException e) {
                host = "";
            }
        }
        return (host.isBlank() ? "localhost" : host) + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String owner() {
        return owner;
    }

    /** Whether pages are leased (several workers share the database). */
    public boolean leased() {
        return db.dialect().severalWriters();
    }

    /**
     * For a worker, which on SIGTERM finishes what it is deciding and then gives back the rest
     * itself: no leases are given back behind its back while its last postings are classified.
     */
    public synchronized void handBackOnlyOnClose() {
        handsBackItself = true;
    }

    /** The next page of pending postings after {@code afterId} that this process may decide, in id order. */
    public List<PendingPosting> after(long afterId, int limit) {
        if (!leased()) {
            return db.read(c -> RawPostings.pendingAfter(c, afterId, limit));
        }
        if (closed) {
            return List.of(); // stopping: nothing more is claimed
        }
        startRenewing();
        return db.inTransaction(c -> {
            Jdbc.update(c, claimSql, owner, termMillis, afterId, owner, limit);
            return RawPostings.page(c, HELD, List.of(owner), afterId, limit);
        });
    }

    /**
     * Gives the posting to message batch {@code batchId} if this process may still decide it: pending, in no
     * batch, and, where workers lease postings, under this process's live lease. A lease that ran out (this process
     * stalled past its term, or could not renew it) lets a worker claim the posting and pay for it; sent in the
     * batch as well, it would be paid for twice. One statement, so that of a worker's claim of the row and this,
     * never both take it. Returns whether the batch holds it now.
     */
    boolean holdForBatch(Connection c, long batchId, long postingId) {
        String sql = "UPDATE raw_postings SET batch_id = ? WHERE id = ? AND outcome = 'pending' AND batch_id IS NULL";
        return (leased() ? Jdbc.update(c, sql + " AND lease_owner = ? AND lease_until >= " + now, batchId, postingId,
                owner) : Jdbc.update(c, sql, batchId, postingId)) == 1;
    }

    /** Pending postings under another worker's live lease: not this process's to decide now. */
    public long leasedByOthers() {
        if (!leased()) {
            return 0;
        }
        // Not those an open message batch holds: no worker decides them, the batch's answers do.
        return db.read(c -> Jdbc.count(c, "SELECT count(*) FROM raw_postings WHERE outcome = 'pending' AND batch_id IS NULL "
                + "AND lease_owner IS NOT NULL AND lease_owner <> ? AND lease_until >= " + now, owner));
    }

    /**
     * For each of {@code hashes}, the lowest id of a pending posting of it that this worker does
     * not hold: another worker's, one another worker is claiming this instant (its claim skipped
     * the row), or nobody's yet. A posting of the same job with a higher id waits to be merged
     * into that one's job instead of paying for its own (incident 16). The lowest id always goes
     * first, so two workers never both pay and never both wait: the waiting one claims the lower
     * posting itself on its next pass if nobody else has. Empty where one process owns all
     * pending postings. (Postings an open message batch holds are not claimable and not counted
     * here: {@link LlmBatches#heldJobs} names their jobs, on every engine.)
     */
    public Map<String, Long> firstElsewhere(List<String> hashes) {
        Map<String, Long> out = new HashMap<>();
        if (!leased() || hashes.isEmpty()) {
            return out;
        }
        db.read(c -> {
            for (List<String> chunk : Jdbc.inLists(hashes)) {
                List<Object> args = new ArrayList<>(List.of(owner));
                args.addAll(chunk);
                for (Object[] row : Jdbc.query(c, "SELECT job_hash, min(id) FROM raw_postings WHERE outcome = 'pending' "
                        + "AND batch_id IS NULL AND (lease_owner IS NULL OR lease_owner <> ? OR lease_until < " + now
                        + ") AND job_hash IN (" + Jdbc.marks(chunk.size()) + ") GROUP BY job_hash",
                        rs -> new Object[] {rs.getString(1), rs.getLong(2)}, args.toArray())) {
                    out.put((String) row[0], (Long) row[1]);
                }
            }
            return null;
        });
        return out;
    }

    private synchronized void startRenewing() {
        if (renewer != null || closed) {
            return;
        }
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobintel-leases");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, termMillis / 4);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        if (!handsBackItself) {
            // An 'enrich' stopped by Ctrl-C ends in its shutdown hooks, never reaching close(): without
            // this, its postings would sit leased to a dead process, and a rerun find nothing to do
            // until the leases ran out.
            atExit = new Thread(this::close, "jobintel-give-back-leases");
            try {
                Runtime.getRuntime().addShutdownHook(atExit);
            } catch (IllegalStateException shuttingDown) {
                atExit = null; // Ctrl-C came first: the command's own close gives the leases back, or they run out
            }
        }
    }

    /**
     * Extends this worker's leases; a failure is retried at the next tick, inside the term. Rows
     * the outcome writer holds are skipped, not waited for: they are being decided (which ends
     * their lease), and waiting on them while holding others is how two transactions deadlock.
     */
    void renew() {
        try {
            db.inTransaction(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_until = " + now + " + ? WHERE id IN "
                    + "(SELECT id FROM raw_postings WHERE lease_owner = ? AND outcome = 'pending'"
                    + db.dialect().skipLocked() + ")", termMillis, owner));
        } catch (RuntimeException e) {
            // The database is unreachable or busy for a moment: the next tick tries again.
        }
    }

    /** Gives back the postings this worker holds and did not decide, and stops renewing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (renewer == null) {
            return;
        }
        renewer.shutdownNow();
        if (atExit != null && Thread.currentThread() != atExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping: the hook runs this again and finds it done.
            }
        }
        try {
            // Retried: a fetch re-seeing some of these postings may hold them while it waits for one given back.
            db.inTransactionRetried(c -> Jdbc.update(c, "UPDATE raw_postings SET lease_owner = NULL, lease_until = NULL "
                    + "WHERE lease_owner = ? AND outcome = 'pending'", owner));
        } catch (RuntimeException e) {
            // The database cannot be reached: the leases run out by themselves, as a killed worker's do.
        }
    }
}
