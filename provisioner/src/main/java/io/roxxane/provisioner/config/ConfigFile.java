package io.roxxane.provisioner.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a properties or {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, an
 * optional {@code export } in front, values optionally in matching single or double quotes.
 */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** Reads a file the user named: every unknown key or malformed line is an error. */
    public static Map<String, String> read(Path file) {
        return read(file, true);
    }

    /**
     * Reads a file; {@code strict=false} (the implicit {@code ./.env}, which may serve other tools too)
     * skips lines that are not settings of the provisioner instead of failing.
     */
    public static Map<String, String> read(Path file, boolean strict) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("configuration file " + file + " cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), lines, strict);
    }

    static Map<String, String> parse(String source, List<String> lines) {
        return parse(source, lines, true);
    }

    static Map<String, String> parse(String source, List<String> lines, boolean strict) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                problems.add(source + ":" + (i + 1) + ": expected KEY=VALUE, found '" + line + "'");
                continue;
            }
            String key = line.substring(0, equals).strip();
            String value = unquote(line.substring(equals + 1).strip());
            if (Setting.byKey(key) == null) {
                problems.add(source + ":" + (i + 1) + ": unknown setting " + key + "; known: " + knownKeys());
                continue;
            }
            values.put(key, value);
        }
        if (strict && !problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2) {
            char first = value.charAt(0);
            char last = value.charAt(value.length() - 1);
            if ((first == '"' || first == '\'') && first == last) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    static String knownKeys() {
        List<String> keys = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            keys.add(setting.key());
        }
        return String.join(", ", keys);
    }
}
