package io.roxxane.agent.collect.jvm;

import static io.roxxane.agent.collect.jvm.JvmMemoryCollectorTest.assertBetween;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferPoolCollectorTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void collect_whenDirectAndMappedBuffersHeld_countsThemLikeTheMXBeans() throws Exception {
        BufferPoolCollector collector = new BufferPoolCollector();
        Sample before = new Sample();
        collector.collect(before);
        ByteBuffer direct = ByteBuffer.allocateDirect(4 * MIB);
        Path file = dir.resolve("mapped");
        Files.write(file, new byte[2 * MIB]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, 2 * MIB);
            Sample during = new Sample();
            collector.collect(during);
            BufferPoolMXBean directBean = pool("direct");
            BufferPoolMXBean mappedBean = pool("mapped");

            long directBytes = during.getLong(Column.JVM_BUFFER_DIRECT_BYTES, -1);
            assertBetween(before.getLong(Column.JVM_BUFFER_DIRECT_BYTES, -1) + 4 * MIB,
                    directBean.getMemoryUsed() + 4 * MIB, directBytes, "direct bytes");
            assertBetween(before.getLong(Column.JVM_BUFFER_DIRECT_COUNT, -1) + 1, directBean.getCount() + 1,
                    during.getLong(Column.JVM_BUFFER_DIRECT_COUNT, -1), "direct count");
            assertBetween(before.getLong(Column.JVM_BUFFER_MAPPED_BYTES, -1) + 2 * MIB, mappedBean.getMemoryUsed(),
                    during.getLong(Column.JVM_BUFFER_MAPPED_BYTES, -1), "mapped bytes");
            assertBetween(before.getLong(Column.JVM_BUFFER_MAPPED_COUNT, -1) + 1, mappedBean.getCount(),
                    during.getLong(Column.JVM_BUFFER_MAPPED_COUNT, -1), "mapped count");
            mapped.get(0);
        }
        direct.put(0, (byte) 1); // keeps the direct buffer reachable until here
    }

    @Test
    void constructor_whenNoDirectOrMappedPool_refusesToStart() {
        assertThrows(IllegalStateException.class, () -> new BufferPoolCollector(List.of()));
    }

    private static BufferPoolMXBean pool(String name) {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }
}
