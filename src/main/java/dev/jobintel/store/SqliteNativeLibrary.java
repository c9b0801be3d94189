package dev.jobintel.store;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;

/**
 * SQLite's native library unpacked once beside jobintel's jar, instead of once per process.
 *
 * <p>sqlite-jdbc unpacks its 1 MB library from the jar into the temporary directory under a new
 * name at every start, reads it back to compare, and deletes it at exit: about 70 ms of every
 * command (a tenth of a small 'status'), and a process killed with SIGKILL leaves its copy
 * behind for good. Pointed at a copy kept beside the jar (target/ in a checkout), it loads that
 * one directly. The copy is named by the driver's version and platform, is written whole under
 * another name and then moved into place (processes started together cannot load half of it),
 * and lives where the jar itself does, so it is trusted as much as the jar; one whose size is
 * not the packed library's is written again. Where that directory cannot be written, or jobintel
 * does not run from its own jar (tests on Maven's class path), nothing changes: the driver
 * unpacks as it always did, as it also does should the kept copy fail to load.
 */
final class SqliteNativeLibrary {

    private SqliteNativeLibrary() {
    }

    /** Points the driver at the kept copy, unpacking it first if needed; before any connection. */
    static void prepare() {
        Path kept = Kept.PATH;
        if (kept != null) {
            System.setProperty("org.sqlite.lib.path", kept.getParent().toString());
            System.setProperty("org.sqlite.lib.name", kept.getFileName().toString());
        }
    }

    /** Unpacked by the first caller, once: the JVM initialises a class once, and other threads wait for it. */
    private static final class Kept {
        /** Null where there is none, or where the user names the library (org.sqlite.lib.path) themselves. */
        static final Path PATH = System.getProperty("org.sqlite.lib.path") == null ? keptCopy() : null;
    }

    /** The kept copy, unpacked now if it was not there; null where there can be none. */
    private static Path keptCopy() {
        try {
            Path jar = ownJar();
            if (jar == null) {
                return null;
            }
            String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
            // "/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so" -> "Linux-x86_64"
            String platform = resource.substring("/org/sqlite/native/".length(), resource.lastIndexOf('/')).replace('/', '-');
            Path dir = jar.resolveSibling("sqlite-native").resolve(SQLiteJDBCLoader.getVersion() + "-" + platform);
            Path kept = dir.resolve(LibraryLoaderUtil.getNativeLibName());
            URL packed = SQLiteJDBCLoader.class.getResource(resource);
            if (packed == null) {
                return null; // no library for this platform in the jar: the driver says so itself
            }
            URLConnection entry = packed.openConnection();
            // A copy of another size (damaged on disk) would be loaded in vain at every start, and the
            // JVM can warn about what it finds in it: it is replaced.
            if (Files.isRegularFile(kept) && Files.size(kept) == entry.getContentLengthLong()) {
                return kept;
            }
            try (InputStream in = entry.getInputStream()) {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, "unpacking-", ".part");
                try {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    // A temporary file is its owner's alone; the library is as readable as the jar beside it.
                    part.toFile().setReadable(true, false);
                    Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            return kept;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null; // a directory this user may not write (an installed jar): the driver's own way
        }
    }

    /** jobintel's jar when the driver was loaded from it too; null when running from class directories. */
    private static Path ownJar() throws URISyntaxException {
        CodeSource ours = SqliteNativeLibrary.class.getProtectionDomain().getCodeSource();
        CodeSource driver = SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource();
        if (ours == null || driver == null || ours.getLocation() == null
                || !ours.getLocation().equals(driver.getLocation())) {
            return null;
        }
        Path jar = Path.of(ours.getLocation().toURI());
        return Files.isRegularFile(jar) ? jar : null;
    }
}
