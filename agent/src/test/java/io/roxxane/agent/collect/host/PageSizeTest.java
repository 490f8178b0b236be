package io.roxxane.agent.collect.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import oshi.software.common.os.linux.LinuxOperatingSystem;

class PageSizeTest {
    @Test
    void ofThisProcess_isWhatOshiGetsFromGetconf() {
        LinuxOperatingSystem os = (LinuxOperatingSystem) new oshi.nativefree.SystemInfo().getOperatingSystem();
        assertEquals(os.getPageSize(), PageSize.ofThisProcess());
    }

    @Test
    void fromAuxv_findsAtPageszInEitherWordSizeAndByteOrder() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            assertEquals(65_536, PageSize.fromAuxv(auxv(8, order, 33, 0x7fff0000L, 6, 65_536, 0, 0), 8, order));
            assertEquals(4_096, PageSize.fromAuxv(auxv(4, order, 16, 7, 6, 4_096, 0, 0), 4, order));
        }
    }

    @Test
    void fromAuxv_withoutAtPagesz_orAfterAtNull_orNotAPowerOfTwo_isUnknown() {
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        assertEquals(-1, PageSize.fromAuxv(auxv(8, order, 33, 1, 16, 2, 0, 0), 8, order));
        assertEquals(-1, PageSize.fromAuxv(auxv(8, order, 0, 0, 6, 4_096), 8, order));
        assertEquals(-1, PageSize.fromAuxv(auxv(8, order, 6, 4_000, 0, 0), 8, order));
        assertEquals(-1, PageSize.fromAuxv(new byte[12], 8, order));
    }

    private static byte[] auxv(int wordBytes, ByteOrder order, long... words) {
        ByteBuffer buffer = ByteBuffer.allocate(words.length * wordBytes).order(order);
        for (long word : words) {
            if (wordBytes == 8) {
                buffer.putLong(word);
            } else {
                buffer.putInt((int) word);
            }
        }
        return buffer.array();
    }
}
