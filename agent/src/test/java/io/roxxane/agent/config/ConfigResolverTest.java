package io.roxxane.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigResolverTest {
    private static final Properties NO_PROPERTIES = new Properties();
    private static final Map<String, String> NO_ENV = new HashMap<>();

    private static AgentConfig resolve(String args) throws ConfigException {
        return ConfigResolver.resolve(args, NO_PROPERTIES, NO_ENV);
    }

    @Test
    void resolve_noSettings_givesDocumentedDefaults() throws ConfigException {
        AgentConfig config = resolve(null);
        assertNull(config.service());
        assertTrue(config.tags().isEmpty());
        assertEquals(10_000, config.intervalMillis());
        assertEquals(SinkType.FILE, config.sink());
        assertEquals(new File("./roxxane-data"), config.dir());
        assertEquals(8L << 20, config.rollSizeBytes());
        assertEquals(300_000, config.rollTimeMillis());
        assertEquals(512L << 20, config.maxDiskBytes());
        assertNull(config.stream());
        assertEquals(60_000, config.flushMillis());
        assertEquals(16L << 20, config.bufferBytes());
        assertNull(config.spoolDir());
        assertEquals(256L << 20, config.spoolMaxBytes());
        assertEquals(5_000, config.shutdownTimeoutMillis());
    }

    @Test
    void resolve_allForms_agentArgumentBeatsPropertyBeatsEnvironment() throws ConfigException {
        Properties properties = new Properties();
        properties.setProperty("roxxane.interval", "20s");
        properties.setProperty("roxxane.service", "from-property");
        Map<String, String> env = new HashMap<>();
        env.put("ROXXANE_INTERVAL", "30s");
        env.put("ROXXANE_SERVICE", "from-env");
        env.put("ROXXANE_TAGS", "env:prod");
        AgentConfig config = ConfigResolver.resolve("interval=5s", properties, env);
        assertEquals(5_000, config.intervalMillis());
        assertEquals("from-property", config.service());
        assertEquals("prod", config.tags().get("env"));
    }

    @Test
    void resolve_streamSet_selectsFirehose() throws ConfigException {
        AgentConfig config = resolve("stream=roxxane-metrics,region=eu-west-1,endpoint=http://127.0.0.1:4566");
        assertEquals(SinkType.FIREHOSE, config.sink());
        assertEquals("roxxane-metrics", config.stream());
        assertEquals("eu-west-1", config.region());
        assertEquals("http://127.0.0.1:4566", config.endpoint().toString());
    }

    @Test
    void resolve_tags_parsesPairsInOrder() throws ConfigException {
        AgentConfig config = resolve("tags=env:prod;team:payments;;zone:eu-west-1a");
        assertEquals("{env=prod, team=payments, zone=eu-west-1a}", config.tags().toString());
    }

    @Test
    void resolve_sizesAndDurations_acceptEveryDocumentedUnit() throws ConfigException {
        AgentConfig config = resolve("interval=1500ms,flush=2m,buffer=2048KiB,max_disk=1g,roll_size=64k,roll_time=1h");
        assertEquals(1_500, config.intervalMillis());
        assertEquals(120_000, config.flushMillis());
        assertEquals(2L << 20, config.bufferBytes());
        assertEquals(1L << 30, config.maxDiskBytes());
        assertEquals(64L << 10, config.rollSizeBytes());
        assertEquals(3_600_000, config.rollTimeMillis());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "interval=0s              | interval='0s'",
        "interval=999ms           | interval='999ms'",
        "interval=10              | interval='10'",
        "interval=ten             | interval='ten'",
        "interval=-1s             | interval='-1s'",
        "sink=kafka               | sink='kafka'",
        "buffer=1k                | buffer='1k'",
        "buffer=2T                | buffer='2T'",
        "max_disk=12              | max_disk='12'",
        "roll_size=2g             | roll_size='2g'",
        "roll_time=2h             | roll_time='2h'",
        "flush=16m                | flush='16m'",
        "shutdown_timeout=61s     | shutdown_timeout='61s'",
        "spool_max=100            | spool_max='100'",
        "stream=has space         | stream='has space'",
        "stream=a/b               | stream='a/b'",
        "region=EU-WEST-1         | region='EU-WEST-1'",
        "region=mars              | region='mars'",
        "endpoint=ftp://x         | endpoint='ftp://x'",
        "endpoint=not a url       | endpoint='not a url'",
        "tags=novalue             | tags='novalue'",
        "tags=:v                  | tags=':v'",
        "tags=a:1;a:2             | tags='a:1;a:2'",
        "service=                 | service=''",
        "dir=                     | dir=''",
    })
    void resolve_badValue_namesKeyValueAndWhatIsAllowed(String args, String expectedStart) {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(args));
        assertTrue(e.getMessage().startsWith("invalid " + expectedStart + " (from agent argument): expected "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("the agent stays off"), e.getMessage());
    }

    @Test
    void resolve_unknownKey_listsKnownKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve("strem=x"));
        assertTrue(e.getMessage().startsWith("unknown setting 'strem' (from agent argument): known settings are service, tags,"),
                e.getMessage());
    }

    @Test
    void resolve_unknownSystemProperty_isAnError() {
        Properties properties = new Properties();
        properties.setProperty("roxxane.intervall", "1s");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigResolver.resolve(null, properties, NO_ENV));
        assertTrue(e.getMessage().contains("'intervall'"), e.getMessage());
        assertTrue(e.getMessage().contains("roxxane.intervall"), e.getMessage());
    }

    @Test
    void resolve_debugProperty_isNotASetting() throws ConfigException {
        Properties properties = new Properties();
        properties.setProperty("roxxane.debug", "true");
        ConfigResolver.resolve(null, properties, NO_ENV);
    }

    @Test
    void resolve_unknownEnvironmentVariable_isOnlyAWarning() throws ConfigException {
        Map<String, String> env = new HashMap<>();
        env.put("ROXXANE_HOME", "/opt/roxxane");
        AgentConfig config = ConfigResolver.resolve(null, NO_PROPERTIES, env);
        assertEquals(1, config.warnings().size());
        assertTrue(config.warnings().get(0).startsWith("ignoring unknown environment variable ROXXANE_HOME"));
    }

    @Test
    void resolve_badValueFromEnvironment_namesTheVariable() {
        Map<String, String> env = new HashMap<>();
        env.put("ROXXANE_INTERVAL", "soon");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigResolver.resolve(null, NO_PROPERTIES, env));
        assertTrue(e.getMessage().startsWith("invalid interval='soon' (from environment variable ROXXANE_INTERVAL)"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"stream", "=1s", "interval=1s,service"})
    void resolve_malformedArguments_sayWhatTheFormIs(String args) {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(args));
        assertTrue(e.getMessage().startsWith("malformed agent argument"), e.getMessage());
        assertTrue(e.getMessage().contains("expected key=value pairs separated by commas"), e.getMessage());
    }

    @Test
    void resolve_repeatedKey_isAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve("interval=1s,interval=2s"));
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    }

    @Test
    void resolve_firehoseWithoutStream_orStreamWithOtherSink_isAnError() {
        assertTrue(assertThrows(ConfigException.class, () -> resolve("sink=firehose")).getMessage()
                .contains("needs stream=NAME"));
        assertTrue(assertThrows(ConfigException.class, () -> resolve("sink=file,stream=s")).getMessage()
                .contains("remove one of them"));
    }

    @Test
    void resolve_controlCharactersInValues_areNotEchoedRaw() {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve("interval=1\u001b[31m"));
        assertTrue(e.getMessage().contains("interval='1?[31m'"), e.getMessage());
    }

    @Test
    void resolve_context_autoByDefaultOffOnRequest() throws ConfigException {
        assertTrue(resolve(null).detectContext());
        assertTrue(resolve("context=AUTO").detectContext());
        assertEquals(false, resolve("context=off").detectContext());
        Map<String, String> env = new HashMap<>();
        env.put("ROXXANE_CONTEXT", "off");
        assertEquals(false, ConfigResolver.resolve(null, NO_PROPERTIES, env).detectContext());
        ConfigException e = assertThrows(ConfigException.class, () -> resolve("context=on"));
        assertEquals("invalid context='on' (from agent argument): expected one of auto, off; the agent stays off",
                e.getMessage());
    }

    @Test
    void setting_formsAreDerivedMechanically() {
        for (Setting setting : Setting.values()) {
            assertEquals("roxxane." + setting.key(), setting.systemProperty());
            assertEquals("ROXXANE_" + setting.key().toUpperCase(java.util.Locale.ROOT), setting.environmentVariable());
            assertTrue(setting.key().matches("[a-z_]+"), setting.key());
        }
    }
}
