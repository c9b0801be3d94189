package dev.jobintel.classify;

/**
 * The classifier cannot go on for anyone: the key is refused, the account has no credit, the
 * model does not exist, or the budget is spent. The posting at hand and every posting after it
 * stay pending (nothing is marked failed), and the run ends with this message.
 *
 * @see Classifier
 */
public class RunStop extends RuntimeException {

    private final String reason;

    /** @param reason a short code: authentication, permission, billing, spend_limit, not_found, not_the_api, budget,
     *               bad_requests, unreachable, api_failing, results_unreadable */
    public RunStop(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
