package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Collector;
import io.roxxane.agent.sample.Sample;
import io.roxxane.schema.Column;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Size and free space of the file system mounted at the root. One statvfs call through the JDK:
 * OSHI's file-store enumeration costs milliseconds per sample and reports every mount, of which
 * the schema needs one.
 */
public final class RootFileSystemCollector implements Collector {
    private final FileStore root;

    public RootFileSystemCollector() throws IOException {
        this(Files.getFileStore(Paths.get("/")));
    }

    public RootFileSystemCollector(FileStore root) {
        this.root = root;
    }

    @Override
    public String name() {
        return "host-filesystem";
    }

    @Override
    public void collect(Sample sample) throws IOException {
        sample.set(Column.HOST_FS_ROOT_TOTAL_BYTES, root.getTotalSpace())
                .set(Column.HOST_FS_ROOT_FREE_BYTES, root.getUsableSpace());
    }
}
