package dev.jobintel.source.jsonl;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a reader, each held only up to a limit. A line past it (a gzip file that inflates
 * to one endless line) is read to its end without being kept, so that it becomes one reject and
 * not an OutOfMemoryError that loses the whole import. Line ends are "\n" or "\r\n".
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
    private int pos;
    private int lim;

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        StringBuilder sb = new StringBuilder();
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
            any = true;
            int start = pos;
            while (pos < lim && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            int room = (int) Math.max(0, Math.min(n, (length > max ? KEPT_OF_TOO_LONG : max) - sb.length()));
            sb.append(buf, start, room);
            length += n;
            if (length > max && sb.length() > KEPT_OF_TOO_LONG) {
                sb.setLength(KEPT_OF_TOO_LONG);
            }
            if (pos < lim) {
                pos++;
                return line(sb, length);
            }
        }
    }

    private Line line(StringBuilder sb, long length) {
        if (length > max) {
            return new Line(sb.toString(), length, true);
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
            end--;
        }
        return new Line(sb.substring(0, end), length, false);
    }
}
