package io.roxxane.agent.sink.firehose;

import io.roxxane.agent.credentials.CredentialsChainFailure;

import io.roxxane.agent.log.AgentLog;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Turns what a Firehose call throws or answers into a {@link DeliveryFailure}: which failures
 * are worth retrying soon and, for each kind, one line that names the cause and the fix.
 */
public final class SdkFailureClassifier {
    private final String stream;
    private final String where;
    private final boolean forAgent;

    /**
     * @param stream the delivery stream name
     * @param where e.g. {@code region eu-west-1} or {@code endpoint http://127.0.0.1:4566}, for messages
     */
    SdkFailureClassifier(String stream, String where) {
        this(stream, where, true);
    }

    /** @param forAgent whether messages say what the agent does meanwhile (false for {@code check}) */
    public SdkFailureClassifier(String stream, String where, boolean forAgent) {
        this.stream = stream;
        this.where = where;
        this.forAgent = forAgent;
    }

    /** The part of a message that says what the running agent does about the problem. */
    private String agent(String note) {
        return forAgent ? note : "";
    }

    public DeliveryFailure classify(Throwable t) {
        if (t instanceof AwsServiceException) {
            return service((AwsServiceException) t);
        }
        String text = AgentLog.describe(t);
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (message.contains("Unable to load credentials")) {
            String configured = CredentialsChainFailure.configuredSourceReason(message);
            return notNow("firehose-credentials", "no AWS credentials", configured.isEmpty()
                    ? "no AWS credentials found for Firehose stream '" + stream + "': set AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run with an instance, task or pod role"
                            + agent("; the agent keeps buffering and retries slowly")
                    : "no AWS credentials for Firehose stream '" + stream + "'" + configured
                            + agent("; the agent keeps buffering and retries slowly"));
        }
        if (message.contains("Unable to load region") || message.contains("region must not be null")) {
            return notNow("firehose-region", "no AWS region",
                    "no AWS region for Firehose stream '" + stream + "': set region=NAME (or AWS_REGION)"
                            + agent("; the agent keeps buffering and retries slowly"));
        }
        if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException
                || hasCause(t, InterruptedIOException.class)) { // SocketTimeoutException is one
            return retryable("firehose-timeout", "timeout",
                    "Firehose (" + where + ") did not answer in time (" + text + ")"
                            + agent("; retrying with backoff, samples stay buffered")
                            + "; check the network path to Firehose");
        }
        if (hasCause(t, UnknownHostException.class)) {
            return retryable("firehose-dns", "unknown host",
                    "cannot resolve the Firehose host (" + where + "): " + text
                            + agent("; retrying with backoff") + "; check DNS, region= and endpoint=");
        }
        if (hasCause(t, ConnectException.class) || hasCause(t, NoRouteToHostException.class)
                || hasCause(t, SocketException.class) || hasCause(t, IOException.class)) {
            return retryable("firehose-network", "network error",
                    "cannot reach Firehose (" + where + "): " + text
                            + agent("; retrying with backoff, samples stay buffered")
                            + "; check the network, proxy and endpoint=");
        }
        return retryable("firehose-error", t.getClass().getSimpleName(),
                "sending to Firehose stream '" + stream + "' failed: " + text + agent("; retrying with backoff"));
    }

    private DeliveryFailure service(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? "" : e.awsErrorDetails().errorMessage();
        return answered(e.statusCode(), code, message);
    }

    /**
     * A call Firehose answered with an error.
     *
     * @param code the error type, e.g. {@code ResourceNotFoundException}; may be empty
     * @param message Firehose's message; may be empty
     */
    public DeliveryFailure answered(int status, String code, String message) {
        String detail = message == null || message.isEmpty() ? "" : ": " + message;
        String shortError = (code.isEmpty() ? "error" : code) + " (HTTP " + status + ")";
        if (code.equals("ServiceUnavailableException") || code.equals("ThrottlingException")
                || code.equals("LimitExceededException") || code.equals("SlowDown") || status == 429) {
            return retryable("firehose-throttled", shortError,
                    "Firehose stream '" + stream + "' is throttling the agent (" + shortError + ")"
                            + agent("; retrying with backoff, samples stay buffered")
                            + "; if it persists, raise the stream's throughput quota or use a longer interval=");
        }
        if (code.equals("ResourceNotFoundException")) {
            return notNow("firehose-not-found", shortError,
                    "Firehose stream '" + stream + "' does not exist (" + where + "): create it (java -jar"
                            + " provisioner.jar) or fix stream=/region="
                            + agent("; the agent keeps buffering and retries slowly"));
        }
        if (status == 403 || code.equals("AccessDeniedException") || code.equals("UnrecognizedClientException")
                || code.equals("InvalidSignatureException") || code.equals("ExpiredTokenException")
                || code.equals("InvalidClientTokenId") || code.equals("MissingAuthenticationTokenException")) {
            return notNow("firehose-denied", shortError,
                    "Firehose refused the agent's credentials for stream '" + stream + "' (" + shortError + detail
                            + "): grant firehose:PutRecordBatch on the stream to the agent's role, or fix the"
                            + " credentials" + agent("; the agent keeps buffering and retries slowly"));
        }
        if (code.equals("InvalidArgumentException") || code.equals("ValidationException")
                || code.equals("InvalidKMSResourceException") || code.equals("InvalidSourceException")) {
            return notNow("firehose-invalid", shortError,
                    "Firehose rejected the request for stream '" + stream + "' (" + shortError + detail
                            + "): check that the stream is a Direct PUT stream and its encryption key is usable"
                            + agent("; the agent keeps buffering and retries slowly"));
        }
        if (status >= 500) {
            return retryable("firehose-server", shortError,
                    "Firehose answered with a server error (" + shortError + ")"
                            + agent("; retrying with backoff, samples stay buffered"));
        }
        return retryable("firehose-rejected", shortError,
                "Firehose rejected a batch for stream '" + stream + "' (" + shortError + detail
                        + ")" + agent("; retrying with backoff"));
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static DeliveryFailure retryable(String key, String shortError, String message) {
        return new DeliveryFailure(DeliveryFailure.Kind.RETRYABLE, key, shortError, message);
    }

    private static DeliveryFailure notNow(String key, String shortError, String message) {
        return new DeliveryFailure(DeliveryFailure.Kind.NOT_NOW, key, shortError, message);
    }
}
