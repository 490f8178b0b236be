package io.roxxane.provisioner.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Retries a call that fails while a new IAM role or permission propagates (Lambda cannot yet
 * assume the role, Firehose cannot yet use it, S3 cannot yet validate a Lambda target), with
 * exponential backoff up to a deadline; then fails naming the deadline and the last error.
 */
public final class IamPropagation {
    private static final String[] SIGNS = {
        "cannot be assumed", "unable to assume", "not authorized to perform", "is not authorized", "access denied",
        "unable to validate the following destination configurations", "role", "permission"};

    private final Duration deadline;
    private final Sleeper sleeper;

    /** Sleeps; a test may pass one that only counts. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public IamPropagation(Duration deadline) {
        this(deadline, duration -> Thread.sleep(duration.toMillis()));
    }

    public IamPropagation(Duration deadline, Sleeper sleeper) {
        this.deadline = deadline;
        this.sleeper = sleeper;
    }

    public <T> T retry(String what, Supplier<T> call) {
        long end = System.nanoTime() + deadline.toNanos();
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!looksLikePropagation(e)) {
                    throw e;
                }
                if (System.nanoTime() + pause.toNanos() > end) {
                    throw new IllegalStateException(what + ": IAM changes still not effective after "
                            + deadline.toSeconds() + " s (IAM_PROPAGATION_TIMEOUT); last error: " + e.getMessage(), e);
                }
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(what + ": interrupted while waiting for IAM", interrupted);
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
            }
        }
    }

    public void run(String what, Runnable call) {
        retry(what, () -> {
            call.run();
            return null;
        });
    }

    static boolean looksLikePropagation(AwsServiceException e) {
        int status = e.statusCode();
        if (status != 400 && status != 403) {
            return false;
        }
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        if (!code.equals("InvalidParameterValueException") && !code.equals("InvalidArgumentException")
                && !code.equals("AccessDeniedException") && !code.equals("InvalidArgument")) {
            return false;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        for (String sign : SIGNS) {
            if (message.contains(sign)) {
                return true;
            }
        }
        return false;
    }
}
