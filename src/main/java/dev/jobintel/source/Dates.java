package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The date formats the job APIs use: offset ISO, Z ISO, date only, epoch seconds or milliseconds.
 * A date outside {@link #EARLIEST}..{@link #LATEST} is no date a job board means (a year of 0 or
 * of 292 million, an overflowed number): it is treated as not stated, like an unreadable one.
 */
public final class Dates {

    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Dates() {
    }

    /** An instant from any of the formats; null (never an error) for anything else. */
    public static Instant parse(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            if (!v.canConvertToLong() || v.asLong() <= 0) {
                return null;
            }
            long n = v.asLong();
            // Seconds or milliseconds since the epoch: 10-digit values are seconds.
            return plausible(n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n));
        }
        return parse(v.asText());
    }

    public static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return plausible(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return plausible(Instant.parse(t));
            } catch (DateTimeParseException e2) {
                try {
                    return plausible(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).atStartOfDay()
                            .toInstant(ZoneOffset.UTC));
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    private static Instant plausible(Instant i) {
        return i.isBefore(EARLIEST) || !i.isBefore(LATEST) ? null : i;
    }
}
