package dev.jobintel.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a file's name says it is gzip: one rule for every command that reads or writes one, so that what
 * 'db export' or 'demo' writes under a name, 'import' and 'eval' read back under it.
 */
public final class GzipName {

    private GzipName() {
    }

    /** Whether {@code file}'s name ends in ".gz", in any case ("all.jsonl.gz", "ALL.JSONL.GZ"). */
    public static boolean of(Path file) {
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".gz");
    }
}
