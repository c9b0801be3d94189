package dev.jobintel.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the files and directories a command is told to write, made before any work: a path
 * that cannot be written is the user's to fix, said with the option that gave it, not a stack
 * trace after minutes of work.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * {@code file} can be created or replaced: its directory exists and is writable, and it is no
     * directory; or it is a device or a pipe (/dev/null, a FIFO) this process may write. A link is
     * judged by the file it names.
     */
    static void file(CommandLine cl, String option, Path given) {
        Path file = followed(given);
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            if (!Files.isWritable(file)) {
                throw new CommandLine.ParameterException(cl, option + " " + given + ": cannot write to it");
            }
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(cl, option + " " + given + ": there is no directory " + dir);
        }
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(cl, option + " " + given + " is a directory; give a file in it");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw new CommandLine.ParameterException(cl, option + " " + given + ": cannot write in " + dir);
        }
        // "--out jobintel.db" would put the export where the ledger was: the database is never an output.
        if (companionOfDatabase(file)) {
            throw new CommandLine.ParameterException(cl, option + " " + given + " belongs to the SQLite database "
                    + "beside it; give another file");
        }
        if (isSqliteDatabase(file)) {
            throw new CommandLine.ParameterException(cl, option + " " + given + " is a SQLite database; jobintel "
                    + "does not write over one (remove it first if that is what you mean)");
        }
    }

    /** Whether {@code file} is the log, shared memory, journal or writer lock of a SQLite database beside it. */
    static boolean companionOfDatabase(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        for (String companion : new String[] {"-wal", "-shm", "-journal", "-writer.lock"}) {
            if (name.endsWith(companion) && isSqliteDatabase(file.resolveSibling(name.substring(0, name.length()
                    - companion.length())))) {
                return true;
            }
        }
        return false;
    }

    /** Whether two paths name one file, after their symbolic links. */
    static boolean sameFile(Path a, Path b) {
        return followed(a).normalize().equals(followed(b).normalize());
    }

    /**
     * The file {@code path} names: the target of a link (followed to the end, even one not created
     * yet), else the path itself. Writing there replaces that file and keeps the link.
     */
    static Path followed(Path path) {
        Path p = path.toAbsolutePath();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(p); hops++) {
            try {
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            } catch (IOException e) {
                return p;
            }
        }
        return p;
    }

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Whether {@code file} exists and starts as every SQLite database file does. */
    static boolean isSqliteDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code dir} exists (created now if need be) and is writable. */
    static void directory(CommandLine cl, String option, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new CommandLine.ParameterException(cl, option + ": cannot create the directory " + dir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new CommandLine.ParameterException(cl, option + ": cannot write in " + dir);
        }
    }
}
