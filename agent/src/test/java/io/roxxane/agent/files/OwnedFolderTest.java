package io.roxxane.agent.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each operation of an open folder names one entry in it and never goes through a link. */
class OwnedFolderTest {
    @TempDir
    Path dir;

    @AfterEach
    void secureAgain() {
        OwnedFolder.secureStreams = true;
    }

    private OwnedFolder open(boolean secure) throws IOException {
        OwnedFolder.secureStreams = secure;
        return OwnedFolder.openRoot(dir);
    }

    @ParameterizedTest(name = "secure={0}")
    @ValueSource(booleans = {true, false})
    void createFile_isOwnerReadWriteGroupRead_andNeverReplacesAnything(boolean secure) throws IOException {
        Path target = Files.write(dir.resolve("target"), new byte[] {7});
        Files.createSymbolicLink(dir.resolve("link"), target);
        try (OwnedFolder folder = open(secure)) {
            try (SeekableByteChannel channel = folder.createFile("new")) {
                channel.write(ByteBuffer.wrap(new byte[] {1, 2}));
            }
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new"))));
            assertThrows(FileAlreadyExistsException.class, () -> folder.createFile("new"));
            assertThrows(FileAlreadyExistsException.class, () -> folder.createFile("link"), "a link is not written through");
            assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        }
    }

    @ParameterizedTest(name = "secure={0}")
    @ValueSource(booleans = {true, false})
    void readAndOpenFolder_refuseLinks(boolean secure) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("f"), new byte[] {1});
        Files.createSymbolicLink(dir.resolve("to-file"), outside.resolve("f"));
        Files.createSymbolicLink(dir.resolve("to-folder"), outside);
        try (OwnedFolder folder = open(secure)) {
            assertEquals(Entry.Kind.LINK, folder.stat("to-file").kind());
            assertEquals(Entry.Kind.LINK, folder.stat("to-folder").kind());
            assertThrows(IOException.class, () -> folder.read("to-file").close());
            FileSystemException e = assertThrows(FileSystemException.class, () -> folder.openFolder("to-folder"));
            assertTrue(e.getMessage().contains("is a symbolic link, not a folder"), e.getMessage());
            assertThrows(FileSystemException.class, () -> folder.createFolder("to-folder"));
            try (InputStream in = folder.openFolder("outside").read("f")) {
                assertEquals(1, in.read());
            }
        }
    }

    @ParameterizedTest(name = "secure={0}")
    @ValueSource(booleans = {true, false})
    void renameNoReplace_deleteAndDeleteEmptyFolder(boolean secure) throws IOException {
        Files.write(dir.resolve("a"), new byte[] {1});
        Files.write(dir.resolve("b"), new byte[] {2});
        Files.createDirectories(dir.resolve("full/x"));
        Files.createDirectories(dir.resolve("empty"));
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("link"), outside);
        try (OwnedFolder folder = open(secure)) {
            assertThrows(FileAlreadyExistsException.class, () -> folder.renameNoReplace("a", "b"));
            assertArrayEquals(new byte[] {2}, Files.readAllBytes(dir.resolve("b")));
            folder.renameNoReplace("a", "c");
            assertTrue(Files.exists(dir.resolve("c")));
            assertThrows(FileSystemException.class, () -> folder.delete("empty"), "delete is for files");
            assertFalse(folder.deleteEmptyFolder("full"));
            assertFalse(folder.deleteEmptyFolder("link"), "a link is not a folder");
            assertTrue(folder.deleteEmptyFolder("empty"));
            folder.delete("link");
            assertTrue(Files.isDirectory(outside), "deleting a link leaves its target");
            assertEquals(List.of("b", "c", "elsewhere", "full"), folder.names());
            assertThrows(IllegalArgumentException.class, () -> folder.stat("../b"));
            assertThrows(IllegalArgumentException.class, () -> folder.stat(".."));
        }
    }

    @ParameterizedTest(name = "secure={0}")
    @ValueSource(booleans = {true, false})
    void openOrCreate_givesALockableChannel_neverThroughALink(boolean secure) throws IOException {
        Path target = Files.write(dir.resolve("target"), new byte[] {7});
        Files.createSymbolicLink(dir.resolve("link.lock"), target);
        try (OwnedFolder folder = open(secure)) {
            try (FileChannel lock = folder.openOrCreate("spool.lock")) {
                assertTrue(lock.tryLock() != null);
            }
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("spool.lock"))));
            try (FileChannel again = folder.openOrCreate("spool.lock")) {
                assertEquals(0, again.size(), "opened again, not replaced");
            }
            assertThrows(IOException.class, () -> folder.openOrCreate("link.lock"));
            assertArrayEquals(new byte[] {7}, Files.readAllBytes(target));
        }
    }

    @Test
    void createDirectories_makesEachMissingFolderOwnerOnly() throws IOException {
        Path deep = dir.resolve("x/y/z");
        OwnedFolder.createDirectories(deep);
        for (Path p : List.of(dir.resolve("x"), dir.resolve("x/y"), deep)) {
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }
}
