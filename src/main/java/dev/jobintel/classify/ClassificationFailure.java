package dev.jobintel.classify;

/**
 * A posting that could not be classified. The reason becomes the posting's outcome_reason
 * (failed), with the message, whether a retry may help, and the raw model output if any.
 */
public class ClassificationFailure extends RuntimeException {

    private final String reason;
    private final boolean retryable;
    private final String rawOutput;

    public ClassificationFailure(String reason, String message, boolean retryable, String rawOutput, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryable = retryable;
        this.rawOutput = rawOutput;
    }

    public String reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }

    public String rawOutput() {
        return rawOutput;
    }
}
