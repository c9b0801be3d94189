package dev.jobintel.classify.cost;

/**
 * One request to a model, answered or not: a row of the cost ledger (llm_calls).
 *
 * @param postingId     the raw posting it was made for
 * @param contentKey    the posting's content key: a later posting with the same key reuses a valid answer
 * @param model         the model asked for
 * @param answeredModel the model that answered (a dated id), null when nothing answered
 * @param attempt       1 for the first request for this posting in a run, then retries and re-asks
 * @param batchId       the llm_batches row when the request went through the Message Batches API
 * @param outcome       valid, invalid, truncated, refused, rate_limited, overloaded, server_error,
 *                      timeout, bad_request, too_large, stopped; for a message batch's request also expired,
 *                      or canceled (the batch was canceled, or its answer came back for content the posting
 *                      no longer has: paid, never reused)
 * @param answer        the tool input (JSON) for valid and invalid answers, else null
 */
public record LlmCall(long postingId, String contentKey, String model, String answeredModel, String promptVersion,
                      int attempt, Long batchId, TokenUsage usage, double costUsd, long latencyMs, String outcome,
                      Integer httpStatus, String requestId, String error, String answer, long createdAt) {
}
