package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.fakes.FakeFirehose;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FakeFirehose.Behavior} by the clock: throttles every call inside {@code [throttleFrom,
 * throttleUntil)}, then fails every third record it receives (counted across calls) until
 * {@code partialUntil}, then takes everything. Times are milliseconds since {@link #start}.
 */
final class OutageScript implements FakeFirehose.Behavior {
    private final long throttleFrom;
    private final long throttleUntil;
    private final long partialUntil;
    private final AtomicInteger records = new AtomicInteger();
    private volatile long startNanos = System.nanoTime();
    private volatile long startWallMillis = System.currentTimeMillis();

    OutageScript(long throttleFrom, long throttleUntil, long partialUntil) {
        this.throttleFrom = throttleFrom;
        this.throttleUntil = throttleUntil;
        this.partialUntil = partialUntil;
    }

    /** Time zero: call just before starting the child JVM. */
    OutageScript start() {
        startNanos = System.nanoTime();
        startWallMillis = System.currentTimeMillis();
        return this;
    }

    /** How many of {@code callWallMillis} (as {@link FakeFirehose#callMillis}) came at or after {@code fromMillis}. */
    long callsFrom(List<Long> callWallMillis, long fromMillis) {
        return callWallMillis.stream().filter(at -> at - startWallMillis >= fromMillis).count();
    }

    /** When the first of {@code callWallMillis} at or after {@code fromMillis} came, in ms since start; -1 if none. */
    long firstCallFrom(List<Long> callWallMillis, long fromMillis) {
        return callWallMillis.stream().mapToLong(at -> at - startWallMillis).filter(at -> at >= fromMillis).min()
                .orElse(-1);
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public FakeFirehose.Reply reply(int call, int count) {
        long now = elapsedMillis();
        if (now >= throttleFrom && now < throttleUntil) {
            return FakeFirehose.Reply.throttled();
        }
        if (now >= throttleFrom && now < partialUntil) {
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (records.incrementAndGet() % 3 == 0) {
                    failed.add(i);
                }
            }
            return failed.isEmpty() ? FakeFirehose.Reply.ok()
                    : FakeFirehose.Reply.partial(failed, "ServiceUnavailableException");
        }
        return FakeFirehose.Reply.ok();
    }
}
