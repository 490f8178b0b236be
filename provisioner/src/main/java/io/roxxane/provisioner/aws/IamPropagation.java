package io.roxxane.provisioner.aws;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Retries a call that fails while a new IAM role or permission propagates (Lambda cannot yet
 * assume the role, Firehose cannot yet use it, S3 cannot yet validate a Lambda target), with
 * exponential backoff up to a deadline; then fails naming the deadline and the last error.
 */
public final class IamPropagation {
    /** An error code and a message (lower case) that together mean "the new role or permission is not visible yet". */
    private record Sign(String code, Pattern message) {
        Sign(String code, String regex) {
            this(code, Pattern.compile(regex));
        }
    }

    /**
     * The errors AWS gives while a role or permission made moments ago is not yet visible to the
     * service that uses it (the ones Terraform's AWS provider retries too); nothing broader: an
     * unrelated error that mentions a role or a permission (a malformed ARN, the caller lacking
     * iam:PassRole, an AccessDeniedException for the caller) fails at once instead of for minutes.
     */
    private static final List<Sign> SIGNS = List.of(
            // Lambda CreateFunction / UpdateFunctionConfiguration with a new execution role
            new Sign("InvalidParameterValueException", "the role defined for the function cannot be assumed by lambda"),
            // Firehose CreateDeliveryStream / UpdateDestination with a new delivery role, and Firehose
            // checking that role's access to the Glue table or the Lambda (the caller's own denials are AccessDeniedException)
            new Sign("InvalidArgumentException", "firehose is unable to assume role"),
            new Sign("InvalidArgumentException", "role arn:\\S+ is not authorized to perform"),
            new Sign("InvalidArgumentException", "access was denied when calling \\w+\\. please ensure that the role specified"),
            // S3 PutBucketNotificationConfiguration before the new Lambda permission is visible
            new Sign("InvalidArgument", "unable to validate the following destination configurations"));

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
        if (status != 400 || e.awsErrorDetails() == null) {
            return false;
        }
        String code = String.valueOf(e.awsErrorDetails().errorCode());
        String message = e.awsErrorDetails().errorMessage() == null ? String.valueOf(e.getMessage())
                : e.awsErrorDetails().errorMessage();
        String text = message.strip().toLowerCase(Locale.ROOT);
        return SIGNS.stream().anyMatch(sign -> sign.code().equals(code) && sign.message().matcher(text).find());
    }
}
