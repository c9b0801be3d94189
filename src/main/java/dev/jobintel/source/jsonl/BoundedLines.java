package dev.jobintel.source.jsonl;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a reader, each held only up to a limit. A line past it (a gzip file that inflates
 * to one endless line) is read to its end without being kept, so that it becomes one reject and
 * not an OutOfMemoryError that loses the whole import. Line ends are "\n", "\r\n" or "\r", as
 * for {@link java.io.BufferedReader#readLine()}.
 */
final class BoundedLines {

    /** One line: its text, or for a line past the limit, its start and full length. */
    record Line(String text, long length, boolean tooLong) {
    }

    /** How much of a line past the limit is kept, for the reject that shows it. */
    static final int KEPT_OF_TOO_LONG = 64 * 1024;

    private final Reader in;
    private final int max;
    private final char[] buf = new char[1 << 16];
    /** For the lines that do not fit in what is left of the buffer. */
    private StringBuilder sb = new StringBuilder();
    private int pos;
    private int lim;
    /** The last line ended with "\r": a "\n" right after it belongs to that end. */
    private boolean skipLf;

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (sb.capacity() > 1 << 20) {
            sb = new StringBuilder(); // not the room of a rare multi-megabyte line for every line after it
        }
        sb.setLength(0);
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos >= lim) {
                int n = in.read(buf, 0, buf.length);
                if (n <= 0) {
                    return any ? line(sb, length) : null;
                }
                pos = 0;
                lim = n;
            }
            if (skipLf) {
                // The "\n" of a "\r\n" that ended the last line.
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < lim && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            int n = pos - start;
            boolean ended = pos < lim;
            if (ended) {
                skipLf = buf[pos] == '\r';
                pos++;
            }
            if (length == 0 && ended && n <= max) {
                // The whole line in the buffer, as most are: one copy, straight into its String.
                return new Line(new String(buf, start, n), n, false);
            }
            int room = (int) Math.max(0, Math.min(n, (length > max ? KEPT_OF_TOO_LONG : max) - sb.length()));
            sb.append(buf, start, room);
            length += n;
            if (length > max && sb.length() > KEPT_OF_TOO_LONG) {
                sb.setLength(KEPT_OF_TOO_LONG);
            }
            if (ended) {
                return line(sb, length);
            }
        }
    }

    private Line line(StringBuilder sb, long length) {
        return new Line(sb.toString(), length, length > max);
    }
}
