package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Messages request as a {@link Responder} sees it.
 *
 * @param model     the model as requested (an alias stays an alias here)
 * @param maxTokens {@code max_tokens}
 * @param system    the text of every system block joined with a blank line ({@code "\n\n"}); "" when none
 * @param userText  the text of the last user message, all its text blocks joined with {@code "\n\n"}; "" when none
 * @param body      the whole request body (for a batch request: its {@code params})
 * @param attempt   1 + the number of earlier requests with an identical {@code userText} that reached a
 *                  responder (direct or in a batch); requests the simulator itself rejected (auth, bad
 *                  JSON, request limit) do not count
 */
public record SimRequest(String model, int maxTokens, String system, String userText, JsonNode body, int attempt) {
}
