package dev.jobintel.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second; silent when stderr is
 * not a terminal (or when disabled), so logs and pipes stay clean.
 */
public final class Progress implements AutoCloseable {

    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean enabled;
    private final String label;
    private final String unit;
    private volatile long total;
    private final AtomicLong done = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile long lastDraw;
    private volatile boolean drawn;

    public Progress(PrintStream out, boolean enabled, String label, String unit, long total) {
        this.out = out;
        this.enabled = enabled;
        this.label = label;
        this.unit = unit;
        this.total = total;
    }

    /** A progress bar that never draws. */
    public static Progress silent() {
        return new Progress(System.err, false, "", "", 0);
    }

    /** Whether a bar should be drawn by default: stderr is an interactive terminal. */
    public static boolean interactive() {
        // The launcher says whether stderr is a terminal; System.console() (the fallback for
        // 'java -jar') asks about stdin and stdout instead.
        String stderrTty = System.getProperty("jobintel.stderr.tty");
        boolean terminal = stderrTty != null ? Boolean.parseBoolean(stderrTty) : System.console() != null;
        return terminal && System.getenv("CI") == null;
    }

    public void total(long total) {
        this.total = total;
    }

    public void advance(long n) {
        long d = done.addAndGet(n);
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(d);
        }
    }

    public long done() {
        return done.get();
    }

    private synchronized void draw(long d) {
        double secs = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        String rate = String.format(Locale.ROOT, "%,.0f %s/s", d / secs, unit);
        String line;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * d / total);
            line = String.format(Locale.ROOT, "\r%-8s [%s%s] %,d/%,d %s  %s", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), d, total, unit, rate);
        } else {
            line = String.format(Locale.ROOT, "\r%-8s %,d %s  %s", label, d, unit, rate);
        }
        out.print(line);
        out.flush();
        drawn = true;
    }

    @Override
    public void close() {
        if (enabled && drawn) {
            draw(done.get());
            out.println();
        }
    }
}
