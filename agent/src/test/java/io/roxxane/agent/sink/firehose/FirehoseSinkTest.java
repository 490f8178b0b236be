package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.fakes.FakeFirehose;
import io.roxxane.agent.fakes.SigV4Verifier;

import static io.roxxane.agent.sink.firehose.FirehoseTestSupport.await;
import static io.roxxane.agent.sink.firehose.FirehoseTestSupport.deadlineIn;
import static io.roxxane.agent.sink.firehose.FirehoseTestSupport.sample;
import static io.roxxane.agent.sink.firehose.FirehoseTestSupport.sink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roxxane.agent.config.AgentConfig;
import io.roxxane.agent.config.ConfigResolver;
import io.roxxane.agent.log.AgentLog;
import io.roxxane.agent.stats.AgentStats;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Firehose sink through the real AWS SDK against {@link FakeFirehose}: each fault, then
 * whether every sample arrived (by seq), what was dropped and counted, and the memory bound.
 */
class FirehoseSinkTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long BUFFER = 1L << 20;

    private FakeFirehose fake;
    private AgentStats stats;
    private ByteArrayOutputStream log;
    /** Set by the test that signs with a wrong secret on purpose. */
    private boolean badSignaturesExpected;

    @TempDir
    Path temp;

    @BeforeAll
    static void credentials() {
        FirehoseTestSupport.useFakeCredentials();
    }

    @AfterAll
    static void noCredentials() {
        FirehoseTestSupport.clearFakeCredentials();
    }

    @BeforeEach
    void start() throws Exception {
        fake = new FakeFirehose(FirehoseTestSupport.STREAM);
        fake.requireSignatures(new SigV4Verifier(FirehoseTestSupport.ACCESS_KEY_ID, FirehoseTestSupport.SECRET_KEY,
                "us-east-1", "firehose"));
        stats = new AgentStats();
        log = new ByteArrayOutputStream();
        AgentLog.redirectForTests(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        fake.close();
        if (!badSignaturesExpected) {
            assertEquals(List.of(), fake.signatureProblems(), "every call is signed right (SigV4, firehose, us-east-1)");
        }
        AgentLog.redirectForTests(null);
        String text = logText();
        if (Boolean.getBoolean("test.showLog")) {
            System.out.println(text);
        }
        assertFalse(text.contains(FirehoseTestSupport.SECRET_KEY), "secret key logged: " + text);
        assertFalse(text.contains(FirehoseTestSupport.ACCESS_KEY_ID), "access key id logged: " + text);
    }

    private String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Accepts samples 0..n-1, checking the memory bound after each. */
    private void acceptAll(FirehoseSink sink, int from, int n) {
        for (int i = from; i < from + n; i++) {
            sink.accept(sample(i));
            long buffered = sink.bufferedBytes();
            assertTrue(buffered <= BUFFER, "buffered " + buffered + " > bound " + BUFFER);
        }
    }

    /**
     * Accepts samples at a pace the sender keeps up with (as a collector does: one sample per
     * interval), so that only the injected fault can make the buffer overflow.
     */
    private void acceptPaced(FirehoseSink sink, int from, int n) throws InterruptedException {
        for (int i = from; i < from + n; i++) {
            await("room in the buffer", WAIT, () -> sink.bufferedBytes() < BUFFER * 3 / 4);
            sink.accept(sample(i));
            assertTrue(sink.bufferedBytes() <= BUFFER);
        }
    }

    private void assertAllArrivedOnce(int n) {
        List<Long> seqs = fake.seqs();
        assertEquals(LongRange.of(n), new HashSet<>(seqs), "every seq arrives");
        assertEquals(n, seqs.size(), "no sample sent twice");
        assertEquals(0, stats.droppedSamples());
    }

    private void assertAllArrived(int n) {
        assertEquals(LongRange.of(n), new HashSet<>(fake.seqs()), "every seq arrives");
        assertEquals(0, stats.droppedSamples());
    }

    @Test
    void accept_whenHealthy_deliversEverySampleOnceInPackedRecords() throws Exception {
        FirehoseSink sink = sink(fake, stats, "");
        acceptPaced(sink, 0, 3_000);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 3_000);
        sink.close(deadlineIn(Duration.ofSeconds(5)));

        assertAllArrivedOnce(3_000);
        for (byte[] record : fake.records()) {
            String text = new String(record, StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), "a record ends at a sample boundary");
            assertTrue(text.split("\n").length <= FirehoseLimits.MAX_SAMPLES_PER_RECORD);
            assertTrue(record.length <= FirehoseLimits.MAX_RECORD_BYTES);
            for (String line : text.split("\n")) {
                assertTrue(line.startsWith("{\"ts\":") && line.endsWith("\"}"), "whole sample lines only");
            }
        }
        fake.recordsPerCall().forEach(n -> assertTrue(n <= FirehoseLimits.MAX_RECORDS_PER_BATCH));
        fake.bytesPerCall().forEach(b -> assertTrue(b <= BUFFER / 4, "batch bytes " + b));
        assertTrue(fake.records().size() < 3_000 / 100, "samples packed into few records: " + fake.records().size());
        assertTrue(fake.targets().stream().allMatch(t ->
                t.startsWith("Firehose_20150804.PutRecordBatch application/x-amz-json-1.1")), fake.targets().toString());
        assertEquals(fake.records().size(), stats.sentRecords());
        assertEquals(3_000L * 1_000, stats.sentBytes());
        assertTrue(stats.lastSuccessMillis() > 0);
        assertFalse(sink.senderAlive());
    }

    @Test
    void accept_whenSamplesArriveDuringASlowCall_theyWaitForTheirOwnFlush() throws Exception {
        // A sample that arrives while a flush is on the wire is not sent on its own right after
        // it: each record would be billed a whole 5 KB increment for one 2 KB sample.
        fake.behave((call, records) -> FakeFirehose.Reply.slowOk(700));
        FirehoseSink sink = sink(fake, stats, ",flush=1s");
        sink.accept(sampleStampedNow(0));
        await("the first call (the SDK's start-up) is over", WAIT, () -> fake.distinctSeqs() == 1);
        long until = System.currentTimeMillis() + 4_500;
        int seq = 1;
        while (System.currentTimeMillis() < until) {
            sink.accept(sampleStampedNow(seq++));
            Thread.sleep(50);
        }
        List<byte[]> records = fake.records();
        List<Long> calls = List.copyOf(fake.callMillis());
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(seq);

        assertTrue(records.size() >= 3, "flushes during the run: " + calls);
        for (int call = 0; call < records.size(); call++) {
            long oldest = Long.parseLong(new String(records.get(call), StandardCharsets.UTF_8)
                    .replaceFirst("(?s)^\\{\"ts\":(\\d+).*", "$1"));
            long age = calls.get(call) - oldest;
            assertTrue(age >= 900, "call " + call + " sent its oldest sample " + age + " ms after it was"
                    + " queued, before flush=1s was due; calls at " + calls);
        }
    }

    /** A sample whose {@code ts} is the time it is queued. */
    private static io.roxxane.agent.sample.EncodedSample sampleStampedNow(long seq) {
        long now = System.currentTimeMillis();
        byte[] line = ("{\"ts\":" + now + ",\"seq\":" + seq + ",\"service\":\"svc\"}\n").getBytes(StandardCharsets.UTF_8);
        return new io.roxxane.agent.sample.EncodedSample(now, seq, "svc", line);
    }

    @Test
    void close_whenSamplesWaitForFlush_sendsThemBeforeReturning() throws Exception {
        FirehoseSink sink = sink(fake, stats, ",flush=15m");
        acceptAll(sink, 0, 10);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(10);
        assertEquals(1, fake.records().size(), "ten samples, one record");
    }

    @Test
    void accept_whenThrottled_retriesUntilEverySampleArrives() throws Exception {
        fake.firstCalls(6, FakeFirehose.Reply.throttled());
        FirehoseSink sink = sink(fake, stats, "");
        acceptPaced(sink, 0, 1_500);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 1_500);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(1_500);
        assertTrue(stats.retries() >= 6, "retries " + stats.retries());
        assertEquals(6, stats.failures());
        assertTrue(stats.lastError().contains("ServiceUnavailableException"), stats.lastError());
        assertEquals(1, countLines("is throttling the agent"), logText());
    }

    @Test
    void accept_whenServerErrors_retriesUntilEverySampleArrives() throws Exception {
        fake.firstCalls(5, FakeFirehose.Reply.error(500, "InternalFailure"));
        FirehoseSink sink = sink(fake, stats, "");
        acceptPaced(sink, 0, 1_500);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 1_500);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(1_500);
        assertEquals(5, stats.failures());
        assertEquals(1, countLines("server error"), logText());
    }

    @Test
    void accept_whenSomeRecordsFail_resendsOnlyThoseRecords() throws Exception {
        fake.firstCalls(4, FakeFirehose.Reply.partial(List.of(0, 2), "ServiceUnavailableException"));
        FirehoseSink sink = sink(fake, stats, "");
        acceptPaced(sink, 0, 3_000);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 3_000);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(3_000); // a record Firehose took is never sent again
        assertTrue(fake.putCalls() > 4);
        assertEquals(1, countLines("re-sending only those"), logText());
    }

    @Test
    void accept_whenResponsesComePastTheAttemptTimeout_retriesUntilEverySampleArrives() throws Exception {
        fake.firstCalls(2, FakeFirehose.Reply.hang(3_000));
        FirehoseSink sink = sink(FirehoseTestSupport.config(fake, ""), stats, 1_000);
        acceptPaced(sink, 0, 1_000);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 1_000);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(1_000);
        assertEquals(2, stats.failures());
        assertEquals(1, countLines("did not answer in time"), logText());
    }

    @Test
    void accept_whenConnectionIsDroppedAfterFirehoseStoredTheBatch_deliversAtLeastOnce() throws Exception {
        fake.firstCalls(3, FakeFirehose.Reply.resetAfterStoring());
        FirehoseSink sink = sink(fake, stats, "");
        acceptPaced(sink, 0, 1_000);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 1_000);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrived(1_000);
        assertTrue(fake.seqs().size() > 1_000, "the batches whose answer was lost were sent again");
        assertEquals(3, stats.failures());
        assertEquals(1, countLines("cannot reach Firehose"), logText());
    }

    @Test
    void accept_whenFirehoseIsDownForAWhileWithinTheBuffer_deliversEverySampleWhenBack() throws Exception {
        fake.down();
        FirehoseSink sink = sink(fake, stats, "");
        acceptAll(sink, 0, 600); // 600 KB: fits the 1 MiB buffer
        await("several failed attempts", WAIT, () -> stats.failures() >= 3);
        acceptAll(sink, 600, 200);
        fake.up();
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 800);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(800);
        assertEquals(1, countLines("again after"), logText());
    }

    @Test
    void accept_whenOutageOutlastsTheBuffer_dropsOldestQueuedAndCountsExactly() throws Exception {
        fake.down();
        FirehoseSink sink = sink(fake, stats, "");
        acceptAll(sink, 0, 400);
        await("a batch in flight", WAIT, () -> stats.failures() >= 1);
        acceptAll(sink, 400, 2_600); // 3 MB into a 1 MiB buffer
        fake.up();
        await("queue drained", WAIT, () -> sink.bufferedBytes() == 0);
        sink.close(deadlineIn(Duration.ofSeconds(5)));

        List<Long> seqs = fake.seqs();
        Set<Long> arrived = new HashSet<>(seqs);
        assertEquals(arrived.size(), seqs.size(), "no duplicates");
        long dropped = stats.droppedSamples();
        assertTrue(dropped > 1_500, "dropped " + dropped);
        assertEquals(3_000, arrived.size() + dropped, "every sample either arrived or was counted as dropped");
        assertTrue(arrived.containsAll(LongRange.of(2_900, 3_000)), "the newest samples are kept");
        assertEquals(1, countLines("buffer full"), logText());
    }

    @Test
    void accept_whenOutageOutlastsTheBufferWithSpool_keepsEverySampleOnDiskAndDeliversThemWhenBack() throws Exception {
        fake.down();
        File spool = temp.resolve("spool").toFile();
        FirehoseSink sink = sink(fake, stats, ",spool=" + spool); // buffer=1MiB
        acceptAll(sink, 0, 400);
        await("a batch in flight", WAIT, () -> stats.failures() >= 1);
        acceptPaced(sink, 400, 2_600);
        assertTrue(spoolBytes(spool) > 3_000 * 1_000, "every sample on disk: " + spoolBytes(spool));
        assertTrue(sink.bufferedBytes() < (1 << 20), "memory within buffer: " + sink.bufferedBytes());
        fake.up();
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 3_000);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertEquals(0, spoolFiles(spool), "a spool whose samples were all delivered is removed at close");
        assertEquals(0, stats.droppedSamples());
        assertAllArrivedOnce(3_000);
        assertInOrderByCall();
    }

    @Test
    void close_whenFirehoseIsDown_spoolsAndTheNextStartDeliversEverySample() throws Exception {
        fake.down();
        File spool = temp.resolve("spool").toFile();
        FirehoseSink first = sink(fake, stats, ",spool=" + spool);
        acceptAll(first, 0, 700);
        await("a failed attempt", WAIT, () -> stats.failures() >= 1);
        first.close(deadlineIn(Duration.ofMillis(1_500)));
        assertTrue(spoolFiles(spool) > 0, "kept in the spool at shutdown");
        assertEquals(0, stats.droppedSamples());
        assertTrue(logText().contains("700 samples not delivered in time stay in the spool"), logText());

        fake.up();
        AgentStats secondStats = new AgentStats();
        FirehoseSink second = sink(fake, secondStats, ",spool=" + spool);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 700);
        second.close(deadlineIn(Duration.ofSeconds(5)));
        assertEquals(0, spoolFiles(spool), "nothing left once delivered");
        assertAllArrived(700);
        assertEquals(0, secondStats.droppedSamples());
        assertEquals(700, secondStats.spoolRecovered());
        assertTrue(logText().contains("took over 700 samples that stopped agents left"), logText());
    }

    @Test
    void accept_whenOutageOutlastsBufferAndSpool_countsEveryDropExactly() throws Exception {
        fake.down();
        File spool = temp.resolve("spool").toFile();
        FirehoseSink sink = sink(fake, stats, ",spool=" + spool + ",spool_max=1MiB");
        acceptAll(sink, 0, 400);
        await("a batch in flight", WAIT, () -> stats.failures() >= 1);
        acceptAll(sink, 400, 4_600);
        await("spool full", WAIT, () -> stats.droppedSamples() > 0);
        fake.up();
        await("every sample delivered or counted", WAIT,
                () -> fake.distinctSeqs() + stats.droppedSamples() == 5_000);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertEquals(0, spoolFiles(spool), "nothing left once delivered");
        Set<Long> arrived = new HashSet<>(fake.seqs());
        assertEquals(arrived.size(), fake.seqs().size(), "no duplicates");
        assertEquals(5_000, arrived.size() + stats.droppedSamples());
        assertTrue(arrived.containsAll(LongRange.of(4_900, 5_000)), "the newest samples are kept");
    }

    @Test
    void accept_whileFirehoseHangs_returnsWithoutWaitingForIt() throws Exception {
        fake.behave((call, records) -> FakeFirehose.Reply.hangUntilReleased());
        FirehoseSink sink = sink(FirehoseTestSupport.config(fake, ""), stats, 30_000); // attempts wait on the server
        acceptAll(sink, 0, 300);
        await("the sender is inside a hanging call", WAIT, () -> fake.putCalls() >= 1);
        CompletableFuture<Void> accepting = CompletableFuture.runAsync(() -> acceptAll(sink, 300, 3_000));
        accepting.get(60, TimeUnit.SECONDS);
        assertFalse(fake.released(), "accept() returned while the server still held the call");
        assertEquals(1, fake.putCalls(), "still the one hanging call");
        fake.behave((call, records) -> FakeFirehose.Reply.ok());
        fake.release();
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertTrue(stats.droppedSamples() > 0);
    }

    @Test
    void close_whenTheCallOutlastsTheDeadline_spoolsAndReturnsByTheDeadline() throws Exception {
        fake.behave((call, records) -> FakeFirehose.Reply.hangUntilReleased());
        File spool = temp.resolve("spool").toFile();
        FirehoseSink sink = sink(FirehoseTestSupport.config(fake, ",spool=" + spool), stats, 30_000);
        acceptAll(sink, 0, 300); // more than one batch: sent at once
        await("a call hangs", WAIT, () -> fake.putCalls() >= 1);
        long deadline = deadlineIn(Duration.ofSeconds(1));
        sink.close(deadline);
        long late = System.nanoTime() - deadline;
        assertTrue(late < TimeUnit.MILLISECONDS.toNanos(500), "close returned " + late / 1_000_000 + " ms after its deadline");
        assertTrue(spoolFiles(spool) > 0, "what the hanging call held stays in the spool");
        assertEquals(0, stats.droppedSamples());

        fake.behave((call, records) -> FakeFirehose.Reply.ok());
        fake.release();
        FirehoseSink next = sink(fake, new AgentStats(), ",spool=" + spool);
        await("all delivered by the next start", WAIT, () -> fake.distinctSeqs() == 300);
        next.close(deadlineIn(Duration.ofSeconds(5)));
    }

    @Test
    void accept_whenStreamIsMissingThenCreated_recoversByItselfWithOneClearLine() throws Exception {
        fake.firstCalls(4, FakeFirehose.Reply.error(400, "ResourceNotFoundException"));
        FirehoseSink sink = sink(fake, stats, "");
        acceptPaced(sink, 0, 500);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 500);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(500);
        assertEquals(1, countLines("does not exist"), logText());
        assertTrue(logText().contains("create it"), logText());
    }

    @Test
    void accept_whenAccessDenied_saysWhichPermissionIsMissingOnce() throws Exception {
        fake.firstCalls(3, FakeFirehose.Reply.error(400, "AccessDeniedException"));
        FirehoseSink sink = sink(fake, stats, "");
        acceptPaced(sink, 0, 300);
        await("all delivered", WAIT, () -> fake.distinctSeqs() == 300);
        sink.close(deadlineIn(Duration.ofSeconds(5)));
        assertAllArrivedOnce(300);
        assertEquals(1, countLines("firehose:PutRecordBatch"), logText());
    }

    @Test
    void accept_whenTheSignatureIsRejected_saysTheCredentialsWereRefusedAndRecoversWhenFixed() throws Exception {
        badSignaturesExpected = true;
        System.setProperty("aws.secretAccessKey", "notTheSecretFirehoseKnows");
        try {
            FirehoseSink sink = sink(fake, stats, "");
            acceptPaced(sink, 0, 300);
            await("a rejected signature", WAIT, () -> !fake.signatureProblems().isEmpty() && stats.failures() >= 1);
            assertEquals(0, fake.distinctSeqs(), "nothing stored while the signature is wrong");
            FirehoseTestSupport.useFakeCredentials();
            await("all delivered", WAIT, () -> fake.distinctSeqs() == 300);
            sink.close(deadlineIn(Duration.ofSeconds(5)));
            assertAllArrivedOnce(300);
            assertEquals(1, countLines("Firehose refused the agent's credentials"), logText());
            assertTrue(logText().contains("InvalidSignatureException (HTTP 403)"), logText());
            assertTrue(fake.signatureProblems().get(0).startsWith("signature "), fake.signatureProblems().toString());
        } finally {
            FirehoseTestSupport.useFakeCredentials();
        }
    }

    @Test
    void accept_whenCredentialsAppearLater_recoversByItselfWithOneClearLine() throws Exception {
        FirehoseTestSupport.clearFakeCredentials();
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.sharedCredentialsFile", temp.resolve("none").toString());
        System.setProperty("aws.configFile", temp.resolve("none").toString());
        try {
            FirehoseSink sink = sink(fake, stats, "");
            acceptPaced(sink, 0, 300);
            await("several failed attempts", WAIT, () -> stats.failures() >= 2);
            assertEquals(0, fake.putCalls(), "nothing unsigned was sent");
            FirehoseTestSupport.useFakeCredentials();
            await("all delivered", WAIT, () -> fake.distinctSeqs() == 300);
            sink.close(deadlineIn(Duration.ofSeconds(5)));
            assertAllArrivedOnce(300);
            assertEquals(1, countLines("no AWS credentials found"), logText());
            assertTrue(stats.lastError().isEmpty() || stats.lastError().contains("credentials"), stats.lastError());
        } finally {
            FirehoseTestSupport.useFakeCredentials();
            System.clearProperty("aws.disableEc2Metadata");
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void accept_whenNoRegionIsFoundUntilLater_recoversByItselfWithOneClearLine() throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.configFile", temp.resolve("none").toString());
        try {
            AgentConfig config = ConfigResolver.resolve("stream=" + FirehoseTestSupport.STREAM + ",endpoint="
                    + fake.endpoint() + ",flush=1s,buffer=1MiB", new Properties(), Map.of());
            FirehoseSink sink = sink(config, stats, 5_000);
            acceptPaced(sink, 0, 300);
            await("several failed attempts", WAIT, () -> stats.failures() >= 2);
            System.setProperty("aws.region", "us-east-1");
            await("all delivered", WAIT, () -> fake.distinctSeqs() == 300);
            sink.close(deadlineIn(Duration.ofSeconds(5)));
            assertAllArrivedOnce(300);
            assertEquals(1, countLines("no AWS region"), logText());
        } finally {
            System.clearProperty("aws.region");
            System.clearProperty("aws.disableEc2Metadata");
            System.clearProperty("aws.configFile");
        }
    }

    private long countLines(String fragment) {
        return logText().lines().filter(l -> l.contains(fragment)).count();
    }

    /** The spool's segment files (every instance's). */
    private static int spoolFiles(File dir) {
        String[] names = dir.list((d, name) -> name.startsWith("roxxane-spool-") && name.endsWith(".log"));
        return names == null ? 0 : names.length;
    }

    /** Bytes in the spool's segment files. */
    private static long spoolBytes(File dir) {
        File[] files = dir.listFiles((d, name) -> name.startsWith("roxxane-spool-") && name.endsWith(".log"));
        long bytes = 0;
        for (File file : files == null ? new File[0] : files) {
            bytes += file.length();
        }
        return bytes;
    }

    /** Without failures in between, each call's first seq is larger than the previous call's. */
    private void assertInOrderByCall() {
        List<Long> firsts = fake.records().stream()
                .map(r -> new String(r, StandardCharsets.UTF_8).split("\n")[0])
                .map(l -> Long.parseLong(l.replaceAll(".*\"seq\":(\\d+).*", "$1")))
                .collect(Collectors.toList());
        for (int i = 1; i < firsts.size(); i++) {
            assertTrue(firsts.get(i) > firsts.get(i - 1), "replayed in order: " + firsts);
        }
    }

    /** Sets of seqs. */
    static final class LongRange {
        static Set<Long> of(int n) {
            return of(0, n);
        }

        static Set<Long> of(int from, int to) {
            return IntStream.range(from, to).mapToObj(i -> (long) i).collect(Collectors.toSet());
        }
    }
}
