package io.roxxane.transform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roxxane.schema.Column;
import io.roxxane.transform.TestEvents.TestRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test over random events: random bytes, random JSON, mutated realistic samples, flat
 * samples of tricky parts ({@link TrickySamples}) and random mixes of them. Whatever the records
 * hold, the contract holds (see {@link ResponseContract}); whatever the event holds, the handler
 * answers by the contract or throws {@link InvalidEventException}. Seeded per event (the seed is in
 * every failure message) and bounded to a few seconds.
 */
class FuzzTest {
    private static final long BASE_SEED = 0x5eed_0005L;
    private static final long BUDGET_NANOS = 3_000_000_000L;
    private static final int MAX_EVENTS = 20_000;
    /** Run at least this many events however slow the machine, so the test always covers the same ground. */
    private static final int MIN_EVENTS = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Column[] COLUMNS = Column.values();

    @Test
    void handleRequest_whenRecordsAreRandom_keepsTheContractAndNeverThrows() {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        int events = 0;
        int okRecords = 0;
        int failedRecords = 0;
        for (; events < MIN_EVENTS || events < MAX_EVENTS && System.nanoTime() < deadline; events++) {
            long seed = BASE_SEED + events;
            Random random = new Random(seed);
            byte[] event = randomEvent(random);
            try {
                byte[] response = TestEvents.invokeRaw(TestEvents.handler(), event, new CapturingContext());
                ResponseContract.check(event, response);
                for (JsonNode record : TestEvents.MAPPER.readTree(response).get("records")) {
                    if ("Ok".equals(record.get("result").asText())) {
                        okRecords++;
                    } else {
                        failedRecords++;
                    }
                }
            } catch (Throwable t) {
                fail("seed " + seed + ": " + t, t);
            }
        }
        System.out.println("fuzz: " + events + " events, " + okRecords + " Ok, " + failedRecords + " failed");
        // The generators must exercise both outcomes, or the test proves little.
        assertTrue(okRecords > events / 10 && failedRecords > events / 10,
                "ok " + okRecords + ", failed " + failedRecords + " over " + events + " events");
    }

    @Test
    void handleRequest_whenEventIsRandomBytesOrMutatedJson_answersByTheContractOrThrowsInvalidEventOnly() {
        byte[][] recorded = {
            TestEvents.resource("events/firehose-event-3-samples.json"),
            TestEvents.resource("events/firehose-event-kinesis-source.json"),
        };
        long deadline = System.nanoTime() + BUDGET_NANOS / 3;
        int answered = 0;
        int invalid = 0;
        for (int events = 0; events < MIN_EVENTS || events < MAX_EVENTS && System.nanoTime() < deadline; events++) {
            // Spread: java.util.Random's first draws of neighbouring seeds are alike, which kept the
            // first ~1,500 events all of one kind.
            long seed = BASE_SEED ^ events * 0x9E3779B97F4A7C15L;
            Random random = new Random(seed);
            byte[] event;
            switch (random.nextInt(4)) {
                case 0:
                    event = randomBytes(random, random.nextInt(300));
                    break;
                case 1:
                    event = TrickySamples.mutate(random, recorded[random.nextInt(recorded.length)]);
                    break;
                case 2:
                    event = TrickySamples.mutateEvent(random, recorded[random.nextInt(recorded.length)]);
                    break;
                default:
                    event = TrickySamples.mutateEvent(random, randomEvent(random));
            }
            try {
                byte[] response = TestEvents.invokeRaw(TestEvents.handler(), event, new CapturingContext());
                ResponseContract.check(event, response);
                answered++;
            } catch (InvalidEventException expected) {
                assertTrue(expected.getMessage().contains("expected a Firehose transformation event"), "seed " + seed);
                invalid++;
            } catch (Throwable t) {
                fail("seed " + seed + ": " + t, t);
            }
        }
        System.out.println("fuzz: " + answered + " events answered, " + invalid + " invalid");
        assertTrue(answered > MIN_EVENTS / 10 && invalid > MIN_EVENTS / 10, "answered " + answered + ", invalid " + invalid);
    }

    /**
     * One nested column of the realistic sample given a random entry, field or value (for a field
     * that is a map, as app_metrics' labels, also a random entry inside it): the record is Ok exactly
     * when the value fits the column's type by {@link ResponseContract#fits}, which does not share
     * code with the transform. Every nested column sees both outcomes.
     */
    @Test
    void handleRequest_whenNestedValuesAreRandom_passesExactlyThoseThatFitTheType() {
        Column[] nested = java.util.Arrays.stream(COLUMNS).filter(c -> !c.type().isScalar()).toArray(Column[]::new);
        java.util.Map<Column, int[]> outcomes = new java.util.EnumMap<>(Column.class);
        long deadline = System.nanoTime() + BUDGET_NANOS / 3;
        int ok = 0;
        int failed = 0;
        for (int events = 0; events < MIN_EVENTS || events < MAX_EVENTS && System.nanoTime() < deadline; events++) {
            long seed = BASE_SEED * 31 + events * 0x9E3779B97F4A7C15L;
            Random random = new Random(seed);
            ObjectNode sample = TestEvents.sampleTree();
            Column column = nested[random.nextInt(nested.length)];
            JsonNode original = sample.get(column.columnName());
            assertTrue(original != null && original.isObject(),
                    "the all-columns fixture must carry nested column " + column.columnName() + " as an object");
            JsonNode value = tweakNested(random, column, (ObjectNode) original);
            sample.set(column.columnName(), value);
            boolean fits = value.isNull() || ResponseContract.fits(column.type(), value);
            try {
                JsonNode answer = TestEvents.invoke(TestEvents.event(List.of(TestRecord.of("r", TestEvents.json(sample))))).get(0);
                String expected = fits ? "Ok" : "ProcessingFailed";
                if (!expected.equals(answer.get("result").asText())) {
                    fail("seed " + seed + ": " + column.columnName() + "=" + value + " expected " + expected);
                }
                outcomes.computeIfAbsent(column, c -> new int[2])[fits ? 0 : 1]++;
                if (fits) {
                    ok++;
                } else {
                    failed++;
                }
            } catch (java.io.IOException e) {
                fail("seed " + seed + ": " + e, e);
            }
        }
        System.out.println("fuzz: nested values, " + ok + " Ok, " + failed + " failed");
        assertTrue(ok > MIN_EVENTS / 5 && failed > MIN_EVENTS / 5, "ok " + ok + ", failed " + failed);
        for (Column column : nested) {
            int[] counts = outcomes.getOrDefault(column, new int[2]);
            assertTrue(counts[0] > 0 && counts[1] > 0, column.columnName() + ": " + counts[0] + " Ok, " + counts[1] + " failed");
        }
    }

    /** The column's value (an object of entries) with one random change: an entry, a field, a field's entry or the whole value. */
    private static JsonNode tweakNested(Random random, Column column, ObjectNode original) {
        ObjectNode map = original.deepCopy();
        List<String> keys = new ArrayList<>();
        map.fieldNames().forEachRemaining(keys::add);
        String key = keys.isEmpty() || random.nextInt(4) == 0 ? randomString(random, 10) : keys.get(random.nextInt(keys.size()));
        JsonNode entry = map.get(key);
        io.roxxane.schema.ColumnType valueType = column.type().valueType();
        switch (random.nextInt(7)) {
            case 0:
                return randomValue(random, 3);
            case 1:
                map.set(key, randomValue(random, 2));
                return map;
            case 2:
                map.remove(key);
                return map;
            default:
                ObjectNode struct = entry instanceof ObjectNode o ? o : NODES.objectNode();
                List<String> fields = valueType.fieldNames();
                String field = fields.isEmpty() || random.nextInt(5) == 0 ? randomString(random, 8)
                        : fields.get(random.nextInt(fields.size()));
                io.roxxane.schema.ColumnType fieldType = valueType.fields().get(field);
                if (fieldType != null && !fieldType.isScalar() && struct.get(field) instanceof ObjectNode inner
                        && random.nextBoolean()) {
                    tweakEntry(random, inner);
                } else if (random.nextBoolean()) {
                    struct.remove(field);
                } else {
                    struct.set(field, randomValue(random, 1));
                }
                map.set(key, struct);
                return map;
        }
    }

    /** One entry of a map inside a struct (a label) removed, replaced or added with a random value. */
    private static void tweakEntry(Random random, ObjectNode map) {
        List<String> keys = new ArrayList<>();
        map.fieldNames().forEachRemaining(keys::add);
        String key = keys.isEmpty() || random.nextInt(3) == 0 ? randomString(random, 10) : keys.get(random.nextInt(keys.size()));
        if (random.nextInt(3) == 0) {
            map.remove(key);
        } else {
            map.set(key, random.nextBoolean() ? NODES.textNode(randomString(random, 12)) : randomValue(random, 1));
        }
    }

    private static byte[] randomEvent(Random random) {
        List<TestRecord> records = new ArrayList<>();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            records.add(new TestRecord(randomRecordId(random), randomArrival(random), randomData(random)));
        }
        return TestEvents.event(records);
    }

    private static String randomRecordId(Random random) {
        switch (random.nextInt(4)) {
            case 0:
                return randomString(random, 20);
            case 1:
                return "";
            default:
                return new BigInteger(180, random).toString();
        }
    }

    private static Long randomArrival(Random random) {
        switch (random.nextInt(10)) {
            case 0:
                return null;
            case 1:
                return random.nextLong();
            case 2:
                return random.nextBoolean() ? 0L : Long.MAX_VALUE;
            default:
                return TestEvents.ARRIVAL + random.nextInt(7_200_000) - 3_600_000;
        }
    }

    private static String randomData(Random random) {
        switch (random.nextInt(11)) {
            case 0:
                return null;
            case 1:
                return randomString(random, 40);
            case 2:
                return b64(randomBytes(random, random.nextInt(200)));
            case 3:
                return b64(TestEvents.json(randomValue(random, 3)));
            case 4:
                return b64(TrickySamples.mutate(random, TestEvents.sampleLine().getBytes(StandardCharsets.UTF_8)));
            case 5:
            case 6:
                return b64(TrickySamples.flatSample(random));
            case 7:
                return b64(TestEvents.json(tweakedSample(random)) + "\n" + TestEvents.json(tweakedSample(random)));
            default:
                return b64(TestEvents.json(tweakedSample(random)) + (random.nextBoolean() ? "\n" : ""));
        }
    }

    /** The realistic sample with a few columns removed, nulled or given random values and random extra keys. */
    private static ObjectNode tweakedSample(Random random) {
        ObjectNode sample = TestEvents.sampleTree();
        sample.put("ts", TestEvents.ARRIVAL - random.nextInt(86_400_000));
        int changes = random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            String name = COLUMNS[random.nextInt(COLUMNS.length)].columnName();
            switch (random.nextInt(6)) {
                case 0:
                    sample.remove(name);
                    break;
                case 1:
                    sample.putNull(name);
                    break;
                case 2:
                    sample.set(name.toUpperCase(Locale.ROOT), randomValue(random, 1));
                    break;
                case 3:
                    sample.set("x_" + randomString(random, 8), randomValue(random, 2));
                    break;
                case 4:
                    sample.set(name, random.nextBoolean() ? randomValue(random, 3) : sample.get(name));
                    break;
                default:
                    sample.set(name, randomValue(random, 1));
            }
        }
        if (random.nextInt(4) == 0) {
            sample.put("service", randomString(random, 30));
        }
        return sample;
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 0 ? 10 : 8)) {
            case 0:
                return NODES.numberNode(random.nextLong());
            case 1:
                return NODES.numberNode(random.nextInt(1000));
            case 2:
                return NODES.numberNode(random.nextDouble() * 1e6);
            case 3:
                return NODES.numberNode(new BigInteger(100, random));
            case 4:
                return NODES.textNode(randomString(random, 12));
            case 5:
                return NODES.booleanNode(random.nextBoolean());
            case 6:
                return NODES.nullNode();
            case 7:
                return NODES.numberNode(TestEvents.ARRIVAL - random.nextInt(1_000_000));
            case 8: {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(5);
                for (int i = 0; i < size; i++) {
                    String key = random.nextBoolean() ? COLUMNS[random.nextInt(COLUMNS.length)].columnName()
                            : randomString(random, 6);
                    object.set(key, randomValue(random, depth - 1));
                }
                return object;
            }
            default: {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, depth - 1));
                }
                return array;
            }
        }
    }

    private static String randomString(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0:
                    s.append((char) random.nextInt(0x20));
                    break;
                case 1:
                    s.append("/.\\\"=".charAt(random.nextInt(5)));
                    break;
                case 2:
                    s.appendCodePoint(0x80 + random.nextInt(0x10000 - 0x80 - 0x800));
                    break;
                default:
                    s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.toString();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }
}
