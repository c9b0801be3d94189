package dev.jobintel.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move forward by hand, to see what a later run does; or one that moves each time it is read. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private final Duration perRead;

    public MutableClock(Instant start) {
        this(start, Duration.ZERO);
    }

    private MutableClock(Instant start, Duration perRead) {
        this.now = start;
        this.perRead = perRead;
    }

    public static MutableClock at(String iso) {
        return new MutableClock(Instant.parse(iso));
    }

    /** A clock at {@code iso} that moves {@code perRead} before each reading: time passing between requests. */
    public static MutableClock ticking(String iso, Duration perRead) {
        return new MutableClock(Instant.parse(iso), perRead);
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        if (!perRead.isZero()) {
            now = now.plus(perRead);
        }
        return now;
    }
}
