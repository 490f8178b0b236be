package io.roxxane.agent.spool;

/** A place in an instance's spool: a segment's number and a byte offset in it. Immutable. */
public final class SpoolPosition implements Comparable<SpoolPosition> {
    /** Before everything. */
    static final SpoolPosition START = new SpoolPosition(0, 0);

    final long segment;
    final long offset;

    SpoolPosition(long segment, long offset) {
        this.segment = segment;
        this.offset = offset;
    }

    static SpoolPosition max(SpoolPosition a, SpoolPosition b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static SpoolPosition min(SpoolPosition a, SpoolPosition b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(SpoolPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpoolPosition && compareTo((SpoolPosition) o) == 0;
    }

    @Override
    public int hashCode() {
        return (int) (segment * 31 + offset);
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}
