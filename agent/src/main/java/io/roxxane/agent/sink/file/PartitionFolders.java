package io.roxxane.agent.sink.file;

import io.roxxane.schema.PartitionKeys;
import io.roxxane.schema.ServiceNames;
import java.util.Arrays;
import java.util.List;

/**
 * The five partition folder names of the schema's layout, matched exactly as
 * {@link io.roxxane.schema.PartitionRule} writes them: {@code service=<sanitised name>},
 * {@code year=YYYY} (2000-9999), {@code month=01..12}, {@code day=01..31}, {@code hour=00..23}.
 * The agent's own strict matcher, kept in this one class so that the schema's parser can replace
 * it when it exists.
 */
final class PartitionFolders {
    static final int DEPTH = 5;
    private static final String[] KEYS = {"service=", "year=", "month=", "day=", "hour="};

    private PartitionFolders() {
    }

    /** The folder names of {@code keys}, from the top. */
    static List<String> of(PartitionKeys keys) {
        return Arrays.asList(KEYS[0] + keys.service(), KEYS[1] + keys.year(), KEYS[2] + keys.month(),
                KEYS[3] + keys.day(), KEYS[4] + keys.hour());
    }

    /** Whether {@code name} is the partition folder name expected at {@code depth} (0: service). */
    static boolean matches(int depth, String name) {
        if (depth < 0 || depth >= DEPTH || !name.startsWith(KEYS[depth])) {
            return false;
        }
        String value = name.substring(KEYS[depth].length());
        switch (depth) {
            case 0:
                return !value.isEmpty() && ServiceNames.sanitize(value).equals(value);
            case 1:
                return number(value, 4, 2000, 9999);
            case 2:
                return number(value, 2, 1, 12);
            case 3:
                return number(value, 2, 1, 31);
            default:
                return number(value, 2, 0, 23);
        }
    }

    /** {@code yyyyMMdd'T'HH} of a full partition path, as file names of that partition start. */
    static String hourStamp(List<String> folders) {
        return value(folders, 1) + value(folders, 2) + value(folders, 3) + "T" + value(folders, 4);
    }

    private static String value(List<String> folders, int depth) {
        return folders.get(depth).substring(KEYS[depth].length());
    }

    private static boolean number(String value, int digits, int min, int max) {
        if (value.length() != digits) {
            return false;
        }
        int n = 0;
        for (int i = 0; i < digits; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        return n >= min && n <= max;
    }
}
