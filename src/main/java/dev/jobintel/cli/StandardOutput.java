package dev.jobintel.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output that remembers why a write failed. PrintStream swallows the error, and a reader
 * that closed the pipe ({@code jobintel report jobs | head}) got all it wanted, where a full disk
 * lost output the user expected: only the second deserves an error.
 */
final class StandardOutput extends FilterOutputStream {

    /** 128 + SIGPIPE: how a shell sees any program stopped because its reader went away. */
    static final int READER_GONE = 141;

    private static volatile boolean readerGone;

    private StandardOutput(OutputStream out) {
        super(out);
    }

    /** Replaces {@link System#out} with one on the same descriptor and charset that notices a closed pipe. */
    static void install() {
        OutputStream fd = new StandardOutput(new FileOutputStream(FileDescriptor.out));
        System.setOut(new PrintStream(new BufferedOutputStream(fd, 8192), true, charset()));
    }

    /** Commands' output ({@code cl.getOut()}) on {@link System#out}, in its charset (picocli's own would be ASCII where it is). */
    static PrintWriter writer() {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, charset())), true);
    }

    /** Whether a write failed because nothing reads standard output any more. */
    static boolean readerGone() {
        return readerGone;
    }

    /**
     * The charset the JVM gave standard output (Java 17 names it sun.stdout.encoding, later ones stdout.encoding),
     * except ASCII: that is the POSIX locale's (cron, a container with no LANG), which names no charset at all,
     * and in it every "ü" of an export or a report would be written as "?". UTF-8 there, as the JSON, JSON Lines
     * and CSV written expect, and as --out writes them.
     */
    static Charset charset() {
        Charset given = Charset.defaultCharset();
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                given = Charset.forName(name);
                break;
            }
        }
        return given.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : given;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            // EPIPE: the JVM ignores SIGPIPE, so the write fails with this message (Linux and macOS alike).
            if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
                readerGone = true;
            }
            throw e;
        }
    }
}
