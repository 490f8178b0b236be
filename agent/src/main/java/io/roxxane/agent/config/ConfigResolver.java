package io.roxxane.agent.config;

import io.roxxane.agent.collect.app.builtin.BuiltinSets;
import io.roxxane.agent.collect.app.rules.RulesConfig;
import io.roxxane.agent.collect.app.rules.RulesFile;
import io.roxxane.agent.collect.app.rules.RulesFileException;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Builds an {@link AgentConfig} from the three places a setting can come from. Precedence,
 * highest first: agent arguments ({@code -javaagent:roxxane.jar=k=v,...} or {@code attach PID k=v,...}),
 * system properties ({@code -Droxxane.k=v}), environment variables ({@code ROXXANE_K}), defaults.
 *
 * <p>Every problem is a {@link ConfigException} naming the key, the value, where it came from and
 * what is allowed. Unknown keys in agent arguments or {@code roxxane.*} system properties are
 * errors; an unknown {@code ROXXANE_*} environment variable is only a warning, because the
 * environment is shared with other software.
 */
public final class ConfigResolver {
    /** System properties under {@code roxxane.} that are not settings but are allowed. */
    private static final String DEBUG_PROPERTY = "roxxane.debug";

    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.\\-]{1,64}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_VALUE = 256;
    private static final int MAX_SERVICE = 256;

    private ConfigResolver() {
    }

    /** Resolves from this JVM's system properties and environment. */
    public static AgentConfig resolve(String agentArgs) throws ConfigException {
        return resolve(agentArgs, System.getProperties(), System.getenv());
    }

    public static AgentConfig resolve(String agentArgs, Properties systemProperties, Map<String, String> environment)
            throws ConfigException {
        List<String> warnings = new ArrayList<String>();
        Map<Setting, String> args = parseAgentArguments(agentArgs);
        Map<Setting, String> properties = fromSystemProperties(systemProperties);
        Map<Setting, String> env = fromEnvironment(environment, warnings);

        Map<Setting, String> values = new EnumMap<Setting, String>(Setting.class);
        Map<Setting, String> sources = new EnumMap<Setting, String>(Setting.class);
        for (Setting setting : Setting.values()) {
            if (args.containsKey(setting)) {
                values.put(setting, args.get(setting));
                sources.put(setting, "agent argument");
            } else if (properties.containsKey(setting)) {
                values.put(setting, properties.get(setting));
                sources.put(setting, "system property " + setting.systemProperty());
            } else if (env.containsKey(setting)) {
                values.put(setting, env.get(setting));
                sources.put(setting, "environment variable " + setting.environmentVariable());
            } else if (setting.defaultValue() != null) {
                values.put(setting, setting.defaultValue());
                sources.put(setting, "default");
            }
        }
        return new Validator(values, sources, warnings).build();
    }

    /** Parses {@code k=v,k=v}; rejects malformed pairs, unknown and repeated keys. */
    static Map<Setting, String> parseAgentArguments(String agentArgs) throws ConfigException {
        Map<Setting, String> result = new EnumMap<Setting, String>(Setting.class);
        if (agentArgs == null || agentArgs.trim().isEmpty()) {
            return result;
        }
        for (String part : agentArgs.split(",", -1)) {
            String pair = part.trim();
            if (pair.isEmpty()) {
                continue; // tolerate "a=1,,b=2" and a trailing comma
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("malformed agent argument '" + ConfigException.printable(pair)
                        + "': expected key=value pairs separated by commas, e.g. service=checkout,interval=10s;"
                        + " the agent stays off");
            }
            String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            Setting setting = Setting.byKey(key);
            if (setting == null) {
                throw unknownKey("agent argument", key);
            }
            if (result.containsKey(setting)) {
                throw new ConfigException("agent argument '" + key + "' is given twice; give it once; the agent stays off");
            }
            result.put(setting, pair.substring(eq + 1).trim());
        }
        return result;
    }

    private static Map<Setting, String> fromSystemProperties(Properties properties) throws ConfigException {
        Map<Setting, String> result = new EnumMap<Setting, String>(Setting.class);
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("roxxane.") || name.equals(DEBUG_PROPERTY)) {
                continue;
            }
            String key = name.substring("roxxane.".length());
            Setting setting = Setting.byKey(key);
            if (setting == null) {
                throw unknownKey("system property " + name + " with", key);
            }
            result.put(setting, properties.getProperty(name).trim());
        }
        return result;
    }

    private static Map<Setting, String> fromEnvironment(Map<String, String> environment, List<String> warnings) {
        Map<Setting, String> result = new EnumMap<Setting, String>(Setting.class);
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith("ROXXANE_")) {
                continue;
            }
            Setting setting = Setting.byKey(name.substring("ROXXANE_".length()).toLowerCase(Locale.ROOT));
            if (setting == null) {
                warnings.add("ignoring unknown environment variable " + name + "; known: " + knownKeys("ROXXANE_"));
                continue;
            }
            result.put(setting, entry.getValue().trim());
        }
        return result;
    }

    private static ConfigException unknownKey(String source, String key) {
        return new ConfigException("unknown setting '" + ConfigException.printable(key) + "' (from " + source
                + "): known settings are " + knownKeys("") + "; the agent stays off");
    }

    private static String knownKeys(String prefix) {
        StringBuilder out = new StringBuilder();
        for (Setting setting : Setting.values()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(prefix.isEmpty() ? setting.key() : setting.environmentVariable());
        }
        return out.toString();
    }

    /** Turns resolved text values into typed ones, one check per setting. */
    private static final class Validator {
        private final Map<Setting, String> values;
        private final Map<Setting, String> sources;
        private final AgentConfig.Builder builder = new AgentConfig.Builder();

        Validator(Map<Setting, String> values, Map<Setting, String> sources, List<String> warnings) {
            this.values = values;
            this.sources = sources;
            builder.warnings = warnings;
        }

        AgentConfig build() throws ConfigException {
            builder.service = service();
            builder.tags = tags();
            builder.intervalMillis = duration(Setting.INTERVAL);
            builder.dir = directory(Setting.DIR);
            builder.rollSizeBytes = bytes(Setting.ROLL_SIZE);
            builder.rollTimeMillis = duration(Setting.ROLL_TIME);
            builder.maxDiskBytes = bytes(Setting.MAX_DISK);
            builder.stream = stream();
            builder.region = region();
            builder.endpoint = endpoint();
            builder.flushMillis = duration(Setting.FLUSH);
            builder.bufferBytes = bytes(Setting.BUFFER);
            builder.spoolDir = directory(Setting.SPOOL);
            builder.spoolMaxBytes = bytes(Setting.SPOOL_MAX);
            builder.shutdownTimeoutMillis = duration(Setting.SHUTDOWN_TIMEOUT);
            builder.sink = sink(builder.stream);
            builder.detectContext = detectContext();
            builder.jmxSets = jmxSets();
            builder.jmxMaxMBeans = count(Setting.JMX_MAX_MBEANS);
            builder.jmxMaxValues = count(Setting.JMX_MAX_VALUES);
            builder.jmxRules = jmxRules();
            return new AgentConfig(builder);
        }

        private ConfigException bad(Setting setting) {
            return ConfigException.badValue(setting, values.get(setting), sources.get(setting));
        }

        private String service() throws ConfigException {
            String value = values.get(Setting.SERVICE);
            if (value == null) {
                return null;
            }
            if (value.isEmpty() || value.length() > MAX_SERVICE) {
                throw bad(Setting.SERVICE);
            }
            return value;
        }

        private Map<String, String> tags() throws ConfigException {
            Map<String, String> tags = new LinkedHashMap<String, String>();
            String value = values.get(Setting.TAGS);
            if (value == null || value.isEmpty()) {
                return tags;
            }
            for (String part : value.split(";", -1)) {
                if (part.trim().isEmpty()) {
                    continue;
                }
                int colon = part.indexOf(':');
                if (colon <= 0) {
                    throw bad(Setting.TAGS);
                }
                String key = part.substring(0, colon).trim();
                String tagValue = part.substring(colon + 1).trim();
                if (!TAG_KEY.matcher(key).matches() || tagValue.length() > MAX_TAG_VALUE
                        || tags.put(key, tagValue) != null || tags.size() > MAX_TAGS) {
                    throw bad(Setting.TAGS);
                }
            }
            return tags;
        }

        private long duration(Setting setting) throws ConfigException {
            return inRange(setting, Values.parseDurationMillis(values.get(setting)));
        }

        private long bytes(Setting setting) throws ConfigException {
            return inRange(setting, Values.parseBytes(values.get(setting)));
        }

        private long inRange(Setting setting, long value) throws ConfigException {
            if (value < 0 || !setting.range().contains(value)) {
                throw bad(setting);
            }
            return value;
        }

        private File directory(Setting setting) throws ConfigException {
            String value = values.get(setting);
            if (value == null) {
                return null;
            }
            if (value.isEmpty() || value.indexOf('\0') >= 0) {
                throw bad(setting);
            }
            return new File(value);
        }

        private String stream() throws ConfigException {
            String value = values.get(Setting.STREAM);
            if (value != null && !STREAM_NAME.matcher(value).matches()) {
                throw bad(Setting.STREAM);
            }
            return value;
        }

        private String region() throws ConfigException {
            String value = values.get(Setting.REGION);
            if (value != null && !REGION.matcher(value).matches()) {
                throw bad(Setting.REGION);
            }
            return value;
        }

        private URI endpoint() throws ConfigException {
            String value = values.get(Setting.ENDPOINT);
            if (value == null) {
                return null;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw bad(Setting.ENDPOINT);
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw bad(Setting.ENDPOINT);
            }
        }

        private boolean detectContext() throws ConfigException {
            String value = values.get(Setting.CONTEXT).toLowerCase(Locale.ROOT);
            if (value.equals("auto")) {
                return true;
            }
            if (value.equals("off")) {
                return false;
            }
            throw bad(Setting.CONTEXT);
        }

        /** The built-in sets of {@code jmx_sets}: all, off, or names separated by ';'. */
        private List<String> jmxSets() throws ConfigException {
            String value = values.get(Setting.JMX_SETS).trim().toLowerCase(Locale.ROOT);
            if (value.equals("all")) {
                return new ArrayList<String>(BuiltinSets.NAMES);
            }
            if (value.equals("off")) {
                return new ArrayList<String>();
            }
            List<String> sets = new ArrayList<String>();
            for (String part : value.split(";", -1)) {
                String name = part.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (!BuiltinSets.NAMES.contains(name) || sets.contains(name)) {
                    throw bad(Setting.JMX_SETS);
                }
                sets.add(name);
            }
            if (sets.isEmpty()) {
                throw bad(Setting.JMX_SETS);
            }
            return sets;
        }

        private int count(Setting setting) throws ConfigException {
            String value = values.get(setting).trim();
            try {
                int count = Integer.parseInt(value);
                if (count >= 1 && count <= 10_000) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw bad(setting);
        }

        /** Reads and checks the {@code jmx_config} file now: a bad file keeps the agent off, as a bad value does. */
        private RulesConfig jmxRules() throws ConfigException {
            String value = values.get(Setting.JMX_CONFIG);
            if (value == null) {
                return null;
            }
            if (value.isEmpty() || value.indexOf('\0') >= 0) {
                throw bad(Setting.JMX_CONFIG);
            }
            try {
                return RulesFile.load(new File(value));
            } catch (RulesFileException e) {
                throw new ConfigException("invalid " + Setting.JMX_CONFIG.key() + "='" + ConfigException.printable(value)
                        + "' (from " + sources.get(Setting.JMX_CONFIG) + "): " + e.getMessage() + "; the agent stays off");
            } catch (RuntimeException e) {
                throw new ConfigException("invalid " + Setting.JMX_CONFIG.key() + "='" + ConfigException.printable(value)
                        + "' (from " + sources.get(Setting.JMX_CONFIG) + "): cannot read it: " + e.getClass().getSimpleName()
                        + "; the agent stays off");
            }
        }

        private SinkType sink(String stream) throws ConfigException {
            String value = values.get(Setting.SINK);
            if (value == null) {
                return stream != null ? SinkType.FIREHOSE : SinkType.FILE;
            }
            SinkType sink;
            try {
                sink = SinkType.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(Setting.SINK);
            }
            if (sink == SinkType.FIREHOSE && stream == null) {
                throw new ConfigException("sink=firehose (from " + sources.get(Setting.SINK)
                        + ") needs stream=NAME, the Firehose stream to send to; the agent stays off");
            }
            if (sink != SinkType.FIREHOSE && stream != null) {
                throw new ConfigException("stream='" + stream + "' is set but sink=" + value + " (from "
                        + sources.get(Setting.SINK) + "): remove one of them; the agent stays off");
            }
            return sink;
        }
    }
}
