package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The date formats the job APIs use: offset ISO (compact offsets too), Z ISO, no zone (UTC), date only,
 * epoch seconds or milliseconds.
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
            return v.canConvertToLong() ? epoch(v.asLong()) : null;
        }
        return parse(v.asText());
    }

    /** Seconds or milliseconds since the epoch: 10-digit values are seconds. */
    private static Instant epoch(long n) {
        if (n <= 0) {
            return null;
        }
        return plausible(n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n));
    }

    /** 1 to 18 ASCII digits (a long, unsigned); checked without a regex, on every posting's date. */
    private static boolean digitsOnly(String t) {
        if (t.isEmpty() || t.length() > 18) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        if (digitsOnly(t)) {
            // Epoch seconds or milliseconds written as a string, as some exports quote every value.
            return epoch(Long.parseLong(t));
        }
        try {
            return plausible(dateTime(t));
        } catch (java.time.DateTimeException e) { // a DateTimeParseException among others
            try {
                return plausible(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).atStartOfDay()
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * A date and time as {@link #parse(String)} reads one (compact offsets, or none for UTC), the whole
     * text and nothing else, at any date: for a time a user types, where a mistake is to be said.
     *
     * @throws java.time.DateTimeException when {@code s} is not one
     */
    public static Instant dateTime(String s) {
        TemporalAccessor at = DATE_TIME.parseBest(s.strip(), OffsetDateTime::from, LocalDateTime::from);
        return at instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) at).toInstant(ZoneOffset.UTC);
    }

    /**
     * A date and time, 'T' or a space between, with an offset as ISO writes it ("+01:00", "Z"), compact
     * ("+0100", "+01"), or none (taken as UTC): of a date only, the fallback keeps midnight UTC.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd().append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

    private static Instant plausible(Instant i) {
        return i.isBefore(EARLIEST) || !i.isBefore(LATEST) ? null : i;
    }
}
