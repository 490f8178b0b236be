package io.roxxane.agent.spool;

import io.roxxane.agent.files.Descriptors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * Where an instance's spool is acknowledged up to: everything before this position reached
 * Firehose. Rewritten in place after each delivered batch (28 bytes with a CRC); a torn or missing
 * file reads as "nothing acknowledged", which re-sends rather than loses.
 */
final class AckFile {
    private static final long MAGIC = 0x5258_41434B_0002L;
    private static final int BYTES = 28;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BYTES);

    private AckFile(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens (creating) the file to write an instance's acknowledgements. */
    static AckFile open(SpoolDirectory dir, String instanceId) throws IOException {
        return new AckFile(dir.openOrCreate(SpoolFiles.ack(instanceId)));
    }

    void write(SpoolPosition position) throws IOException {
        buffer.clear();
        buffer.putLong(MAGIC).putLong(position.segment).putLong(position.offset);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, 24);
        buffer.putInt((int) crc.getValue());
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }

    void sync() throws IOException {
        channel.force(false);
    }

    /** Closes the file; the last write went through already. */
    void close() {
        Descriptors.closeQuietly(channel);
    }

    /** The position an ack file holds, or {@link SpoolPosition#START} when it is missing, short or torn. */
    static SpoolPosition read(SpoolDirectory dir, String instanceId) {
        try (FileChannel in = dir.openForReading(SpoolFiles.ack(instanceId))) {
            ByteBuffer b = ByteBuffer.allocate(BYTES);
            while (b.hasRemaining() && in.read(b) > 0) {
                // read it all
            }
            if (b.position() < BYTES) {
                return SpoolPosition.START;
            }
            CRC32 crc = new CRC32();
            crc.update(b.array(), 0, 24);
            b.flip();
            if (b.getLong() != MAGIC) {
                return SpoolPosition.START;
            }
            long segment = b.getLong();
            long offset = b.getLong();
            if ((int) crc.getValue() != b.getInt() || segment < 0 || offset < 0) {
                return SpoolPosition.START;
            }
            return new SpoolPosition(segment, offset);
        } catch (IOException e) {
            return SpoolPosition.START;
        }
    }
}
