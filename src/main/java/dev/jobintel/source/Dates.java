package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The date formats the job APIs use: offset ISO, Z ISO, date only, epoch milliseconds. */
public final class Dates {

    private Dates() {
    }

    /** An instant from any of the formats; null (never an error) for anything else. */
    public static Instant parse(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            long n = v.asLong();
            // Seconds or milliseconds since the epoch: 10-digit values are seconds.
            return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        }
        return parse(v.asText());
    }

    public static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }
}
