package dev.jobintel.classify.cost;

import java.util.Optional;

/**
 * Where model calls are recorded the moment they return, and where earlier valid answers are
 * found again. Recording each call at once (not with the posting's outcome) means a crash
 * loses at most the calls in flight: on the rerun their answers are reused, not paid again.
 */
public interface CallLog {

    void record(LlmCall call);

    /** The answer of an earlier valid call for this content, model and prompt version. */
    Optional<String> validAnswer(String contentKey, String model, String promptVersion);

    /** A log that keeps nothing (dry runs, evaluation). */
    CallLog NONE = new CallLog() {
        @Override
        public void record(LlmCall call) {
        }

        @Override
        public Optional<String> validAnswer(String contentKey, String model, String promptVersion) {
            return Optional.empty();
        }
    };
}
