package io.roxxane.agent.collect.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.collect.app.rules.RuleSource;
import io.roxxane.agent.collect.app.rules.RulesFile;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.sample.Sample;
import io.roxxane.agent.sample.Struct;
import io.roxxane.schema.Column;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppMetricsCollectorTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void captureLog() {
        AgentLog.redirectForTests(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void cleanUp() {
        AgentLog.redirectForTests(null);
        TestBeans.unregister("roxxane.test:*");
        TestBeans.unregister("roxxane.slow:*");
        TestBeans.unregister("roxxane.many:*");
    }

    private AppMetricsCollector collector(String rulesYaml, int maxMBeans, int maxValues) throws Exception {
        Path file = dir.resolve("rules-" + System.nanoTime() + ".yml");
        Files.write(file, rulesYaml.getBytes(StandardCharsets.UTF_8));
        return collector(file.toFile(), maxMBeans, maxValues);
    }

    private static AppMetricsCollector collector(File rules, int maxMBeans, int maxValues) throws Exception {
        return new AppMetricsCollector(new AppSettings(List.of(new RuleSource(RulesFile.load(rules))), maxMBeans,
                maxValues, AppSettings.DEFAULT_BUDGET_MILLIS));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Struct> metrics(Sample sample) {
        return (Map<String, Struct>) sample.get(Column.APP_METRICS);
    }

    private static Sample sample(AppMetricsCollector collector) {
        Sample sample = new Sample();
        collector.collect(sample);
        return sample;
    }

    @Test
    void everyKeyRulesFile_namesLabelsAndValuesAsJmxExporter() throws Exception {
        TestBeans.Pool pool = new TestBeans.Pool();
        pool.active = 3;
        pool.idle = 7;
        TestBeans.server().registerMBean(pool, TestBeans.name("roxxane.test:type=Pool,name=orders"));
        TestBeans.Pool hidden = new TestBeans.Pool();
        TestBeans.server().registerMBean(hidden, TestBeans.name("roxxane.test:type=Hidden,name=x"));
        AppMetricsCollector collector = collector(new File(getClass().getResource("/jmx/every-key.yml").toURI()), 100, 100);

        Map<String, Struct> first = metrics(sampleOnceRead(collector));
        assertEquals(3.0, first.get("test_pool_active_connections{pool=orders,source=rules}").get("value"));
        assertEquals("gauge", first.get("test_pool_active_connections{pool=orders,source=rules}").get("type"));
        assertEquals(Map.of("pool", "orders", "source", "rules"),
                first.get("test_pool_active_connections{pool=orders,source=rules}").get("labels"));
        assertEquals(7.0, first.get("test_pool_idle_connections{pool=orders,source=rules}").get("value"));
        assertNull(first.get("test_pool_requests_total{pool=orders}"), "a counter's first reading has no interval");
        assertEquals(1.5, first.get("test_pool_wait_seconds{pool=orders}").get("value"), "valueFactor 0.001");
        // name test_pool_info: client_java strips the reserved suffix _info, as jmx_exporter 1.0.1 exposes it
        assertEquals(1.0, first.get("test_pool{pool=orders,version=1.2.3}").get("value"));
        assertEquals("untyped", first.get("test_pool{pool=orders,version=1.2.3}").get("type"));
        assertEquals(4.0, first.get("test_pool_queue_depth").get("value"), "attrNameSnakeCase, cache");
        assertEquals(5.0, first.get("test_pool_usage_used{pool=orders}").get("value"), "composite data walked");
        assertEquals(10.0, first.get("test_pool_usage_max{pool=orders}").get("value"));
        assertEquals(7, first.size(), first.keySet().toString());

        pool.served = 5;
        pool.active = 4;
        Sample second = sample(collector);
        assertEquals(5.0, metrics(second).get("test_pool_requests_total{pool=orders}").get("value"));
        assertEquals("counter", metrics(second).get("test_pool_requests_total{pool=orders}").get("type"));
        assertEquals(4.0, metrics(second).get("test_pool_active_connections{pool=orders,source=rules}").get("value"));
        pool.served = 12;
        assertEquals(7.0, metrics(sample(collector)).get("test_pool_requests_total{pool=orders}").get("value"));
        assertEquals(0L, second.get(Column.AGENT_JMX_SKIPPED));
        assertEquals(0, pool.secretReads.get(), "excludeObjectNameAttributes: never read");
        assertEquals(0, hidden.secretReads.get(), "excludeObjectNames: never read");
        assertEquals("", log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stuckGetter_isCalledOnce_andTheOtherMBeansGoOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TestBeans.Value stuck = new TestBeans.Value(1, release, false);
        TestBeans.Value fine = new TestBeans.Value(7, null, false);
        TestBeans.Value throwing = new TestBeans.Value(0, null, true);
        TestBeans.server().registerMBean(stuck, TestBeans.name("roxxane.slow:name=a_stuck"));
        TestBeans.server().registerMBean(fine, TestBeans.name("roxxane.slow:name=b_fine"));
        TestBeans.server().registerMBean(throwing, TestBeans.name("roxxane.slow:name=c_throws"));
        AppMetricsCollector collector = collector("includeObjectNames: ['roxxane.slow:*']\n"
                + "rules:\n  - pattern: 'roxxane.slow<name=(\\w+)><>Value'\n    name: slow_$1\n    type: GAUGE\n", 100, 100);
        try {
            long start = System.nanoTime();
            Sample first = sample(collector);
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "the sample waits at most the budget");
            assertNull(first.get(Column.APP_METRICS), "a_stuck is read first and blocks the first round");
            assertEquals(3L, first.get(Column.AGENT_JMX_SKIPPED), "a_stuck's attribute, and one for each MBean not reached");
            Thread.sleep(1_100);
            for (int i = 0; i < 3; i++) {
                start = System.nanoTime();
                Sample next = sample(collector);
                assertTrue(System.nanoTime() - start < 1_000_000_000L, "the sample waits at most the budget");
                assertEquals(Map.of("slow_b_fine", 7.0), values(next), "sample " + i);
                assertEquals(2L, next.get(Column.AGENT_JMX_SKIPPED), "a_stuck still running, c_throws failed");
            }
            assertEquals(1, stuck.calls.get(), "a getter still running is not called again");
            assertEquals(2, collector.readerThreads(), "the stuck reader and its replacement");
            String text = log.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("[roxxane] application MBean roxxane.slow:name=a_stuck: a call has not returned for 1 s"), text);
            assertTrue(text.contains("[roxxane] application MBean roxxane.slow:name=c_throws attribute Value was not returned"), text);
            assertFalse(text.contains("\tat "), "no stack trace: " + text);
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (collector.readerThreads() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, collector.readerThreads(), "the stuck reader ends once its call returned");
        Map<String, Double> after = values(sample(collector));
        assertEquals(Map.of("slow_a_stuck", 1.0, "slow_b_fine", 7.0), after);
        assertEquals(2, stuck.calls.get());
    }

    @Test
    void attributeAddedAfterTheFirstLook_isRead_andCountsFromZero() throws Exception {
        GrowingBean bean = new GrowingBean();
        bean.values.put("sent", 5.0);
        ObjectName name = TestBeans.name("roxxane.grow:name=client");
        TestBeans.server().registerMBean(bean, name);
        try {
            AppMetricsCollector collector = collector("includeObjectNames: ['roxxane.grow:*']\n"
                    + "rules:\n  - pattern: 'roxxane.grow<name=(\\w+)><>(\\w+)'\n    name: grow_$2\n    type: COUNTER\n",
                    100, 100);
            sample(collector); // the first look: only "sent", the counters' first reading
            // as Kafka's JMX reporter does for each new metric: the attribute appears, the MBean is registered again
            bean.values.put("errors", 0.0);
            TestBeans.server().unregisterMBean(name);
            TestBeans.server().registerMBean(bean, name);
            bean.values.put("errors", 3.0);
            bean.values.put("sent", 8.0);
            Thread.sleep(Catalog.MIN_REFRESH_NANOS / 1_000_000 + 100);

            Map<String, Double> second = values(sample(collector));
            assertEquals(3.0, second.get("grow_errors_total"), "created after the first look: counted from zero " + second);
            assertEquals(3.0, second.get("grow_sent_total"), "known before: its increase only " + second);
            bean.values.put("errors", 4.0);
            assertEquals(Map.of("grow_errors_total", 1.0, "grow_sent_total", 0.0), values(sample(collector)));
        } finally {
            TestBeans.unregister("roxxane.grow:*");
        }
    }

    /** A dynamic MBean whose attributes grow, as Kafka's JMX reporter makes them. */
    public static final class GrowingBean implements javax.management.DynamicMBean {
        final Map<String, Double> values = new java.util.concurrent.ConcurrentSkipListMap<>();

        @Override
        public Object getAttribute(String attribute) throws javax.management.AttributeNotFoundException {
            Double value = values.get(attribute);
            if (value == null) {
                throw new javax.management.AttributeNotFoundException(attribute);
            }
            return value;
        }

        @Override
        public void setAttribute(javax.management.Attribute attribute) {
            throw new UnsupportedOperationException();
        }

        @Override
        public javax.management.AttributeList getAttributes(String[] attributes) {
            javax.management.AttributeList list = new javax.management.AttributeList();
            for (String attribute : attributes) {
                Double value = values.get(attribute);
                if (value != null) {
                    list.add(new javax.management.Attribute(attribute, value));
                }
            }
            return list;
        }

        @Override
        public javax.management.AttributeList setAttributes(javax.management.AttributeList attributes) {
            return new javax.management.AttributeList();
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public javax.management.MBeanInfo getMBeanInfo() {
            javax.management.MBeanAttributeInfo[] attributes = values.keySet().stream()
                    .map(n -> new javax.management.MBeanAttributeInfo(n, "double", n, true, false, false))
                    .toArray(javax.management.MBeanAttributeInfo[]::new);
            return new javax.management.MBeanInfo(GrowingBean.class.getName(), "grows", attributes, null, null, null);
        }
    }

    @Test
    void caps_cutMBeansAndValues_andCountThem() throws Exception {
        for (int i = 0; i < 5; i++) {
            TestBeans.server().registerMBean(new TestBeans.Value(i, null, false), TestBeans.name("roxxane.many:name=m" + i));
        }
        AppMetricsCollector collector = collector("includeObjectNames: ['roxxane.many:*']\n"
                + "rules:\n  - pattern: 'roxxane.many<name=(\\w+)><>Value'\n    name: many\n    labels:\n      n: $1\n", 3, 2);
        Sample sample = sample(collector);
        assertEquals(Map.of("many{n=m0}", 0.0, "many{n=m1}", 1.0), values(sample));
        assertEquals(3L, sample.get(Column.AGENT_JMX_SKIPPED), "two MBeans past jmx_max_mbeans, one value past jmx_max_values");
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("5 MBeans match, jmx_max_mbeans=3 are read per sample; the other 2 are skipped"), text);
        assertTrue(text.contains("3 values in a sample, jmx_max_values=2 are kept; the other 1 are left out"), text);
    }

    @Test
    void mbeanRegisteredLater_isPickedUpWithoutAskingEverySample() throws Exception {
        AppMetricsCollector collector = collector("includeObjectNames: ['roxxane.test:*']\n"
                + "rules:\n  - pattern: 'roxxane.test<type=Pool, name=(\\w+)><>ActiveConnections'\n    name: active\n"
                + "  - pattern: 'roxxane.test<type=Pool, name=(\\w+)><>RequestsServed'\n    name: served\n    type: COUNTER\n",
                10, 10);
        Sample before = sample(collector);
        assertNull(before.get(Column.APP_METRICS));
        assertNull(before.get(Column.AGENT_JMX_SKIPPED), "nothing to read: no column");
        TestBeans.Pool pool = new TestBeans.Pool();
        pool.active = 2;
        pool.served = 5;
        TestBeans.server().registerMBean(pool, TestBeans.name("roxxane.test:type=Pool,name=late"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        Map<String, Double> values = Map.of();
        while (values.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            values = values(sample(collector));
        }
        assertEquals(Map.of("active", 2.0, "served_total", 5.0), values,
                "an MBean registered after the agent looked counted from zero: its first total is all increase");
        pool.served = 8;
        assertEquals(Map.of("active", 2.0, "served_total", 3.0), values(sample(collector)));
    }

    /**
     * The first sample whose round finished within the budget: in a cold test JVM the first round
     * (class loading, the MBeans' first analysis) may take longer, and the agent then counts it as
     * skipped (checked by caps_cutMBeansAndValues_andCountThem's neighbours).
     */
    private static Sample sampleOnceRead(AppMetricsCollector collector) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Sample sample = sample(collector);
            if (Long.valueOf(0).equals(sample.get(Column.AGENT_JMX_SKIPPED))) {
                return sample;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no sample read everything within the budget");
    }

    private static Map<String, Double> values(Sample sample) {
        Map<String, Struct> metrics = metrics(sample);
        java.util.TreeMap<String, Double> values = new java.util.TreeMap<>();
        if (metrics != null) {
            metrics.forEach((key, struct) -> values.put(key, (Double) struct.get("value")));
        }
        return values;
    }
}
