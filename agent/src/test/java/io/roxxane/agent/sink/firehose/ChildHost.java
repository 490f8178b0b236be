package io.roxxane.agent.sink.firehose;

/** A stand-in host application for child-JVM tests: sleeps, then exits with the given code. */
public final class ChildHost {
    private ChildHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args[0]));
        System.out.println("host done");
        System.exit(Integer.parseInt(args[1]));
    }
}
