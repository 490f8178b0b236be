package io.roxxane.agent.collect.host;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mounts of this process's mount namespace, from {@code /proc/self/mountinfo} (format in
 * proc(5)): {@code id parent major:minor root mount-point options [optional fields…] - type
 * source super-options}, with space, tab, newline and backslash in paths written as octal escapes.
 * Read when a collector lists what is mounted, not every sample.
 */
public final class MountInfo {
    private MountInfo() {
    }

    /** This process's mounts; null if the file cannot be read. */
    public static List<Mount> read(File mountinfo) {
        String text;
        try {
            // Decoded leniently: a path that is not UTF-8 must not hide every other mount.
            text = new String(Files.readAllBytes(mountinfo.toPath()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        List<Mount> mounts = new ArrayList<Mount>();
        for (String line : text.split("\n")) {
            Mount mount = parse(line);
            if (mount != null) {
                mounts.add(mount);
            }
        }
        return Collections.unmodifiableList(mounts);
    }

    /** One line; null if it is not in the expected form. */
    static Mount parse(String line) {
        String[] fields = line.trim().split(" ");
        int separator = -1;
        for (int i = 6; i < fields.length; i++) {
            if (fields[i].equals("-")) {
                separator = i;
                break;
            }
        }
        if (fields.length < 6 || separator < 0 || separator + 3 > fields.length) {
            return null;
        }
        String superOptions = separator + 3 < fields.length ? fields[separator + 3] : "";
        return new Mount(fields[2], unescape(fields[3]), unescape(fields[4]), fields[separator + 1],
                unescape(fields[separator + 2]), superOptions);
    }

    /** Undoes the kernel's octal escapes ({@code \040} for a space). */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean isOctal(String field, int from) {
        if (from + 3 > field.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = field.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
