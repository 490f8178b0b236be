package io.roxxane.it.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * What a set of delivered {@code seq} numbers of one agent instance says about delivery: the
 * numbers missing between 0 and the highest seen (loss), and how many arrived more than once
 * (at-least-once delivery allows that).
 *
 * @param missing    seq numbers absent from 0..{@code highest}
 * @param duplicates deliveries beyond the first of a seq
 * @param highest    the highest seq delivered, or -1 when none was
 */
record SeqContinuity(List<Long> missing, int duplicates, long highest) {

    static SeqContinuity of(Collection<Long> delivered) {
        TreeSet<Long> distinct = new TreeSet<>(delivered);
        long highest = distinct.isEmpty() ? -1 : distinct.last();
        List<Long> missing = new ArrayList<>();
        for (long seq = 0; seq <= highest; seq++) {
            if (!distinct.contains(seq)) {
                missing.add(seq);
            }
        }
        return new SeqContinuity(missing, delivered.size() - distinct.size(), highest);
    }
}
