package io.roxxane.agent.sample;

/**
 * One sample as it travels to a sink: its JSON line (UTF-8, one object, ending in {@code \n})
 * and the identity fields a sink needs without parsing the JSON again.
 */
public final class EncodedSample {
    private final long ts;
    private final long seq;
    private final String service;
    private final byte[] jsonLine;
    private final boolean urgent;

    public EncodedSample(long ts, long seq, String service, byte[] jsonLine) {
        this(ts, seq, service, jsonLine, false);
    }

    /** @param urgent taken in distress: a sink that batches sends it, and what waits before it, at once */
    public EncodedSample(long ts, long seq, String service, byte[] jsonLine, boolean urgent) {
        this.ts = ts;
        this.seq = seq;
        this.service = service;
        this.jsonLine = jsonLine;
        this.urgent = urgent;
    }

    /** Whether the sample was taken in distress ({@code agent_distress} set): to be sent at once. */
    public boolean urgent() {
        return urgent;
    }

    /** Epoch ms UTC. */
    public long ts() {
        return ts;
    }

    public long seq() {
        return seq;
    }

    /** The configured service name, not sanitised. */
    public String service() {
        return service;
    }

    /** The JSON line, ending in a newline. Callers must not modify it. */
    public byte[] jsonLine() {
        return jsonLine;
    }

    /** Size of the JSON line in bytes, newline included. */
    public int size() {
        return jsonLine.length;
    }
}
