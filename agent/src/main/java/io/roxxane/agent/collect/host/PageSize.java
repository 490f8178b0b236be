package io.roxxane.agent.collect.host;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

/**
 * The kernel's page size, from the auxiliary vector the kernel hands every process
 * ({@code /proc/self/auxv}: pairs of native words, type then value; {@code AT_PAGESZ} is type 6).
 * Without JNA there is no {@code sysconf}; OSHI's native-free implementation runs
 * {@code getconf PAGE_SIZE} for it.
 */
final class PageSize {
    static final long AT_NULL = 0;
    static final long AT_PAGESZ = 6;

    private PageSize() {
    }

    /** This process's page size in bytes; -1 where /proc/self/auxv cannot be read (not Linux). */
    static long ofThisProcess() {
        try {
            byte[] auxv = Files.readAllBytes(new File("/proc/self/auxv").toPath());
            return fromAuxv(auxv, "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8,
                    ByteOrder.nativeOrder());
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    /** The {@code AT_PAGESZ} value of an auxiliary vector of {@code wordBytes}-byte words; -1 if absent. */
    static long fromAuxv(byte[] auxv, int wordBytes, ByteOrder order) {
        ByteBuffer words = ByteBuffer.wrap(auxv).order(order);
        while (words.remaining() >= 2 * wordBytes) {
            long type = wordBytes == 8 ? words.getLong() : words.getInt() & 0xffffffffL;
            long value = wordBytes == 8 ? words.getLong() : words.getInt() & 0xffffffffL;
            if (type == AT_NULL) {
                break;
            }
            if (type == AT_PAGESZ) {
                return value > 0 && Long.bitCount(value) == 1 ? value : -1;
            }
        }
        return -1;
    }
}
