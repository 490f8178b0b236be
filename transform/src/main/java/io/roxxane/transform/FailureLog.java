package io.roxxane.transform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.List;

/**
 * Tells the function's log why records failed: Firehose's error prefix keeps the records but not
 * the reasons. At most {@link #MAX_LINES} records per invocation, then one summary line.
 */
final class FailureLog {
    static final int MAX_LINES = 10;

    private FailureLog() {
    }

    static void report(List<RecordOutcome> outcomes, Context context) {
        int failed = 0;
        for (RecordOutcome outcome : outcomes) {
            if (outcome.result() != RecordResult.PROCESSING_FAILED) {
                continue;
            }
            failed++;
            if (failed <= MAX_LINES) {
                log(context, "[roxxane-transform] record " + outcome.recordId() + " ProcessingFailed: " + outcome.reason());
            }
        }
        if (failed > 0) {
            log(context, "[roxxane-transform] " + failed + " of " + outcomes.size() + " records ProcessingFailed"
                    + (failed > MAX_LINES ? " (first " + MAX_LINES + " shown)" : ""));
        }
    }

    private static void log(Context context, String line) {
        LambdaLogger logger = context == null ? null : context.getLogger();
        if (logger == null) {
            System.err.println(line);
        } else {
            logger.log(line + "\n");
        }
    }
}
