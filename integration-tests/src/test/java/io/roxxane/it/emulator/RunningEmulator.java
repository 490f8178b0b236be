package io.roxxane.it.emulator;

/** An emulator that was started and must be stopped; closing twice is harmless. */
interface RunningEmulator extends AutoCloseable {
    AwsEmulator emulator();

    @Override
    void close();
}
