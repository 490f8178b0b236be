package io.roxxane.agent.collect.host;

import io.roxxane.agent.collect.Deltas;
import io.roxxane.agent.collect.ProcFile;

/**
 * One file of /proc/pressure ({@code cpu}, {@code memory}, {@code io}): the {@code some} and
 * {@code full} lines' 10-second average (percent) and the stall time since the last read
 * (microseconds, from {@code total=}). A line the kernel does not write (no {@code full} line for
 * cpu before Linux 5.13), a file it does not have (no PSI before 4.20, or booted with
 * {@code psi=0}) or one that cannot be read gives NaN and -1.
 */
final class PressureFile {
    private final ProcFile file;
    private final Deltas someStall = new Deltas();
    private final Deltas fullStall = new Deltas();
    private double someAvg10 = Double.NaN;
    private double fullAvg10 = Double.NaN;
    private long someStallUs = -1;
    private long fullStallUs = -1;

    PressureFile(String path) {
        this.file = new ProcFile(path, 256);
    }

    /** Reads the file; false (and every figure unknown) if it cannot be read. */
    boolean read() {
        boolean read = file.read(1_024);
        someAvg10 = read ? avg10("some ") : Double.NaN;
        fullAvg10 = read ? avg10("full ") : Double.NaN;
        someStallUs = someStall.next(read ? total("some ") : -1);
        fullStallUs = fullStall.next(read ? total("full ") : -1);
        return read;
    }

    /** {@code avg10=} of the line starting with {@code key}; NaN if there is none. */
    private double avg10(String key) {
        int line = file.lineStartingWith(key, 0);
        int at = line < 0 ? -1 : file.find("avg10=", line, file.lineEnd(line));
        return at < 0 ? Double.NaN : file.decimal(at);
    }

    /** {@code total=} of the line starting with {@code key}; -1 if there is none. */
    private long total(String key) {
        int line = file.lineStartingWith(key, 0);
        int at = line < 0 ? -1 : file.find("total=", line, file.lineEnd(line));
        return at < 0 ? -1 : file.number(at);
    }

    double someAvg10() {
        return someAvg10;
    }

    double fullAvg10() {
        return fullAvg10;
    }

    /** Stall time of {@code some} since the last read, µs; -1 on the first read or when unknown. */
    long someStallUs() {
        return someStallUs;
    }

    /** Stall time of {@code full} since the last read, µs; -1 on the first read or when unknown. */
    long fullStallUs() {
        return fullStallUs;
    }
}
