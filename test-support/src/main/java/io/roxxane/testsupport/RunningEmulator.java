package io.roxxane.testsupport;

/** An emulator that was started and must be stopped; closing twice is harmless. */
public interface RunningEmulator extends AutoCloseable {
    AwsEmulator emulator();

    @Override
    void close();
}
