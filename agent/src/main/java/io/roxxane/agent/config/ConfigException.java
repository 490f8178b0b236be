package io.roxxane.agent.config;

/** A configuration problem, with a message that names the key, the value and what is allowed. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    /** A bad value for a known setting, from the named source. */
    static ConfigException badValue(Setting setting, String value, String source) {
        return new ConfigException("invalid " + setting.key() + "='" + printable(value) + "' (from " + source
                + "): expected " + setting.allowed() + "; the agent stays off");
    }

    static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && i < 200; i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return value.length() > 200 ? out + "…" : out.toString();
    }
}
