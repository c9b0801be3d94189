package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulated model does with one request. Build one with the static factories; the
 * nested records are public so that tests can inspect what a {@link Responder} returned.
 */
public sealed interface Answer {

    /**
     * 200, stop_reason {@code tool_use}: an optional text block, then one {@code tool_use} block named
     * after the tool the request forces ({@code tool_choice.name}), else its first tool (else "tool").
     */
    record ToolUse(String text, JsonNode input) implements Answer {
        public ToolUse {
            Objects.requireNonNull(input, "input");
            if (!input.isObject()) {
                // the API's tool_use.input is always an object (the SDK cannot read anything else)
                throw new IllegalArgumentException("a tool input must be a JSON object, got " + input.getNodeType());
            }
        }
    }

    /** 200, one text block, stop_reason {@code end_turn}. */
    record Text(String text) implements Answer {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * 200, stop_reason {@code max_tokens}, output_tokens = max_tokens.
     *
     * <p>With tool use forced, the real API cuts the tool call short: the {@code tool_use} block
     * arrives with an incomplete (often empty) input. The SDK types {@code input} as an object, so
     * the simulator cannot put half a JSON document there. It emits a {@code tool_use} block whose
     * input is {@code {}} (what a client sees from a cut that happened before any field was
     * complete), followed by a text block holding the partial JSON, so a client that keeps the raw
     * output of a failed answer has something realistic to keep. When the request has no tools,
     * only the text block is sent.
     */
    record Truncated(String partialJson) implements Answer {
        public Truncated {
            Objects.requireNonNull(partialJson, "partialJson");
        }
    }

    /** 200, stop_reason {@code refusal}, {@code stop_details {type:"refusal", category, explanation}}, no content. */
    record Refusal() implements Answer {
    }

    /**
     * An API error: {@code {"type":"error","error":{"type","message"[,"details"]},"request_id"}} with the
     * given status and extra response headers (e.g. {@code retry-after}).
     */
    record ApiError(int status, String type, String message, Map<String, String> headers, JsonNode details)
            implements Answer {
        public ApiError {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(message, "message");
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** Exactly this status, content type and body (e.g. a truncated or non-JSON 200 body). */
    record RawBody(int status, String contentType, String body) implements Answer {
        public RawBody {
            Objects.requireNonNull(body, "body");
        }
    }

    /** Accept the request and never answer; the connection is dropped when the simulator closes. */
    record Hang() implements Answer {
    }

    /**
     * Close the connection without answering, as a proxy or load balancer that drops it does (the client reads
     * an unexpected end of stream). In a message batch, the request is {@code errored} with an {@code api_error}.
     */
    record Disconnect() implements Answer {
    }

    /** Wait {@code delay} (on top of the simulator's latency), then answer with {@code then}. */
    record Delayed(Duration delay, Answer then) implements Answer {
        public Delayed {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(then, "then");
        }
    }

    static Answer tool(JsonNode input) {
        return new ToolUse(null, input);
    }

    static Answer toolWithText(String text, JsonNode input) {
        return new ToolUse(text, input);
    }

    static Answer text(String text) {
        return new Text(text);
    }

    static Answer truncated(String partialJson) {
        return new Truncated(partialJson);
    }

    static Answer refusal() {
        return new Refusal();
    }

    static Answer error(int status, String type, String message) {
        return new ApiError(status, type, message, Map.of(), null);
    }

    static Answer error(int status, String type, String message, Map<String, String> headers) {
        return new ApiError(status, type, message, headers, null);
    }

    /**
     * The monthly spend cap: 429 {@code rate_limit_error} with
     * {@code error.details.error_code = "enforced_spend_limit_reached"} and no {@code retry-after}
     * (the SDK 3.14 maps it to {@code EnforcedSpendLimitReachedException}, a {@code RateLimitException}).
     */
    static Answer spendLimit() {
        ObjectNode details = JsonNodeFactory.instance.objectNode().put("error_code", "enforced_spend_limit_reached");
        return new ApiError(429, "rate_limit_error",
                "You have reached your specified API usage limits. You will regain access on the first of next month.",
                Map.of(), details);
    }

    static Answer rawBody(int status, String contentType, String body) {
        return new RawBody(status, contentType, body);
    }

    static Answer hang() {
        return new Hang();
    }

    static Answer disconnect() {
        return new Disconnect();
    }

    static Answer delayed(Duration d, Answer then) {
        return new Delayed(d, then);
    }
}
