package dev.jobintel.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies SQLite's write-ahead log into the database file on a thread of its own. Left to
 * SQLite, the checkpoint runs inside whichever commit crosses the threshold, and that writer
 * waits for the copy and its fsyncs: in a pipeline run about a tenth of the time. Here writers
 * only append to the log; a passive checkpoint (which never waits for readers or writers) runs
 * every {@link #INTERVAL_MILLIS}. Durability is unchanged: the log is synced before it is
 * copied, as with synchronous=NORMAL. SQLite's own automatic checkpoint stays on at a higher
 * threshold, as a backstop should this thread fall behind.
 */
final class WalCheckpointer implements AutoCloseable {

    static final long INTERVAL_MILLIS = 250;
    private static final int SQLITE_BUSY = 5;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource source;
    private final String url;
    private final Thread thread;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean stopped;

    WalCheckpointer(DataSource source, String url) {
        this.source = source;
        this.url = url;
        this.thread = new Thread(this::loop, "jobintel-checkpointer");
        this.thread.setDaemon(true);
    }

    /** Starts the thread on the first write: a command that only reads needs none. */
    void start() {
        if (!started.get() && started.compareAndSet(false, true)) {
            thread.start();
        }
    }

    private void loop() {
        try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
            while (!stopped) {
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    rs.next();
                } catch (SQLException e) {
                    // Busy: another connection holds the checkpoint lock this moment; the next round copies it.
                    if ((e.getErrorCode() & 0xff) != SQLITE_BUSY) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            // The automatic checkpoint still runs; say why this one stopped, once.
            if (!stopped) {
                LOG.warn("background WAL checkpoints stopped for {}: {}", url, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        if (!started.get()) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
