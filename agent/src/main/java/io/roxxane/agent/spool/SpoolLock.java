package io.roxxane.agent.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;

/**
 * The lock file of one instance ({@code roxxane-spool-<instance>.lock}, or format 1's
 * {@code spool.lock}): held by its agent while it runs, so that another agent takes over an
 * instance's files only once nobody holds it (the operating system releases it when the process
 * dies, however it dies).
 */
final class SpoolLock {
    private final SpoolDirectory dir;
    private final String name;
    private FileChannel channel;
    private FileLock lock;

    private SpoolLock(SpoolDirectory dir, String name, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.name = name;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock {@code name}, creating the file; null when another process (or this JVM) holds it. */
    static SpoolLock tryTake(SpoolDirectory dir, String name) throws IOException {
        FileChannel channel = dir.openOrCreate(name);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        return new SpoolLock(dir, name, channel, lock);
    }

    /** Lets go of the lock; the file stays. Never throws. */
    void release() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the lock goes with the channel, and with the process
        }
        lock = null;
        channel = null;
    }

    /** Lets go of the lock and deletes its file: nothing of the instance is left. */
    void releaseAndDelete() {
        release();
        dir.deleteQuietly(name);
    }
}
