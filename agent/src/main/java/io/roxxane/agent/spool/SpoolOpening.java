package io.roxxane.agent.spool;

import java.io.File;
import java.io.IOException;

/** Opens an instance's spool log: the directory (created 0750), the instance's lock, its ack file. */
final class SpoolOpening {
    private SpoolOpening() {
    }

    /**
     * @throws IOException when the directory cannot be created or written, or another process holds
     *     the instance's lock
     */
    static SpoolLog open(File directory, String instanceId, String stream, long maxBytes) throws IOException {
        if (!SpoolFiles.isInstanceId(instanceId)) {
            throw new IllegalArgumentException("not an instance id: " + instanceId);
        }
        SpoolDirectory dir = SpoolDirectory.open(directory);
        SpoolLock lock = null;
        AckFile ack = null;
        try {
            lock = SpoolLock.tryTake(dir, SpoolFiles.lock(instanceId));
            if (lock == null) {
                throw new IOException("another process holds the lock of instance " + instanceId);
            }
            ack = AckFile.open(dir, instanceId);
            SpoolLog log = new SpoolLog(dir, instanceId, stream, maxBytes, lock, ack);
            log.start();
            return log;
        } catch (IOException | RuntimeException e) {
            if (ack != null) {
                ack.close();
            }
            if (lock != null) {
                lock.release();
            }
            dir.close();
            throw e;
        }
    }
}
