package dev.jobintel.source.http;

import dev.jobintel.internal.Clip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A response body read completely before it is parsed, so a retry never re-emits postings
 * and the recorder sees exact bytes. Small bodies stay in memory; large ones are spooled to a
 * temporary file, so a 15 MB board costs a file, not a heap.
 */
public final class Body implements AutoCloseable {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:+-]+)");

    static final int SPOOL_ABOVE = 4 << 20;
    /**
     * Far more than any job board sends (the largest seen are tens of megabytes): a body past it
     * is a mistake or a decompression bomb, and reading on would fill the disk it is spooled to.
     */
    public static final long MAX_BYTES = 1L << 30;

    /** A body past {@link #MAX_BYTES}: refused, not retried. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the response is larger than " + (MAX_BYTES >> 20) + " MB, more than any job board sends "
                    + "(a decompression bomb?); it was not read to its end");
        }
    }

    private final String url;
    private final int status;
    private final String contentType;
    private final byte[] bytes;
    private final Path file;
    private final long size;

    private Body(String url, int status, String contentType, byte[] bytes, Path file, long size) {
        this.url = url;
        this.status = status;
        this.contentType = contentType;
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    public static Body of(int status, String contentType, byte[] bytes) {
        return new Body(null, status, contentType, bytes, null, bytes.length);
    }

    /** Reads {@code in} to the end, spooling to a temporary file past {@link #SPOOL_ABOVE} bytes. */
    static Body read(String url, int status, String contentType, InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        java.io.ByteArrayOutputStream mem = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = in.read(buf)) > 0) {
            mem.write(buf, 0, n);
            if (mem.size() > SPOOL_ABOVE) {
                Path f = Files.createTempFile("jobintel-body", ".json");
                try (var out = Files.newOutputStream(f)) {
                    mem.writeTo(out);
                    long size = mem.size();
                    mem = null;
                    while ((n = in.read(buf)) > 0) {
                        size += n;
                        if (size > MAX_BYTES) {
                            throw new TooLarge();
                        }
                        out.write(buf, 0, n);
                    }
                    return new Body(url, status, contentType, null, f, size);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(f);
                    throw e;
                }
            }
        }
        return new Body(url, status, contentType, mem.toByteArray(), null, mem.size());
    }

    /** Where the body came from, with secrets redacted, for messages; null when not fetched. */
    public String url() {
        return url;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    /** Whether the bytes are well-formed UTF-8 (read through once, in chunks). */
    public boolean isUtf8() throws IOException {
        java.nio.charset.CharsetDecoder d = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try (java.io.Reader r = new java.io.InputStreamReader(open(), d)) {
            char[] buf = new char[64 * 1024];
            while (r.read(buf) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /**
     * The charset the Content-Type declares when it is one a JSON parser cannot detect from the
     * bytes (anything but UTF-8, -16 and -32, such as ISO-8859-1, read as the Windows-1252 it is sent as);
     * null otherwise, or when it names
     * no charset this JVM knows (the bytes are then read as UTF-8, as JSON says they should be).
     */
    public Charset declaredLegacyCharset() {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            Charset cs = Charset.forName(m.group(1));
            if (cs.name().startsWith("UTF-")) {
                return null;
            }
            // What a server declaring Latin-1 or ASCII sends is Windows-1252 (the web's encoding standard
            // reads those labels so): read as Latin-1, its quotes, dashes and euro sign are control characters.
            return cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : cs;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public InputStream open() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first non-blank character, to tell JSON from an HTML page; 0 for an empty body. */
    public char firstChar() {
        try (InputStream in = open()) {
            int b;
            int skipped = 0;
            while ((b = in.read()) >= 0) {
                if (b == 0xEF || b == 0xBB || b == 0xBF) {
                    continue;
                }
                if (!Character.isWhitespace(b)) {
                    return (char) b;
                }
                if (++skipped > 4096) {
                    break;
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code max} characters, for error messages. */
    public String preview(int max) {
        try (InputStream in = open()) {
            return preview(in, max);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The first {@code max} characters of {@code in}, for error messages, reading no further: an
     * error's body only lends its message a few words, and may be large or never end.
     */
    static String preview(InputStream in, int max) throws IOException {
        byte[] head = in.readNBytes(max + 1); // one more than shown, so a cut says so
        // A server's text goes into error messages printed to a terminal: one line, no escape sequences.
        return Clip.oneLine(new String(head, java.nio.charset.StandardCharsets.UTF_8), max);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
