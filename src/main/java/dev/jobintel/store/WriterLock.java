package dev.jobintel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The one writing process of a SQLite file. jobintel assumes it (a fetch run still marked running
 * was cut short; a pending posting is nobody else's to classify), so it is enforced: an OS lock
 * on a file beside the database, which the OS releases when the process ends, however it ends,
 * so a process killed mid-run never blocks the next. The lock file says who holds it.
 */
final class WriterLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + "-writer.lock");
    }

    /** Takes the lock of {@code database}, or says who holds it. */
    static WriterLock acquire(Path database, Instant now) {
        Path file = lockFile(database);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM, through another connection to the same file
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DatabaseBusyException(database + " is being written by another jobintel process"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + ". SQLite takes one writing process at a "
                        + "time: wait for it to finish, or use PostgreSQL to run several workers.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + now)
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new WriterLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseBusyException("cannot lock " + file + " for writing " + database + ": " + e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // The original failure is what the user needs to see.
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }
}
