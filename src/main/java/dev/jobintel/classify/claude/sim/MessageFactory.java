package dev.jobintel.classify.claude.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.atomic.AtomicLong;

import static dev.jobintel.classify.claude.sim.MessagesSimulator.JSON;

/**
 * Builds the Message the simulator answers with, on {@code POST /v1/messages} and in batch results alike;
 * it numbers message ids and tool_use ids across both.
 */
final class MessageFactory {

    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong toolUseIds = new AtomicLong();

    /**
     * A Message for a content answer (tool, text, truncated, refusal). Output tokens are
     * {@link TokenCount#of} each text block's text plus each tool_use block's compact input JSON;
     * a truncated answer reports exactly {@code max_tokens}.
     */
    ObjectNode message(String model, JsonNode body, Answer answer, PromptCache.Usage input, String tier) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", "msg_sim_" + messageIds.incrementAndGet());
        m.put("type", "message");
        m.put("role", "assistant");
        m.put("model", model);
        ArrayNode content = m.putArray("content");
        String stopReason;
        JsonNode stopDetails = null;
        String tool = toolName(body);
        if (answer instanceof Answer.ToolUse t) {
            if (t.text() != null) {
                content.add(textBlock(t.text()));
            }
            content.add(toolUse(tool == null ? "tool" : tool, t.input()));
            stopReason = "tool_use";
        } else if (answer instanceof Answer.Text t) {
            content.add(textBlock(t.text()));
            stopReason = "end_turn";
        } else if (answer instanceof Answer.Truncated t) {
            if (tool != null) {
                content.add(toolUse(tool, JSON.createObjectNode()));
            }
            content.add(textBlock(t.partialJson()));
            stopReason = "max_tokens";
        } else if (answer instanceof Answer.Refusal) {
            stopReason = "refusal";
            stopDetails = JSON.createObjectNode().put("type", "refusal").put("category", "cyber")
                    .put("explanation", "The simulated model declined to answer this request.");
        } else {
            throw new IllegalArgumentException("not a content answer: " + answer);
        }
        m.put("stop_reason", stopReason);
        m.putNull("stop_sequence");
        m.set("stop_details", stopDetails == null ? JSON.nullNode() : stopDetails);
        int output = answer instanceof Answer.Truncated ? body.path("max_tokens").asInt() : outputTokens(content);
        ObjectNode usage = m.putObject("usage");
        usage.put("input_tokens", input.inputTokens());
        usage.put("cache_creation_input_tokens", input.cacheCreationInputTokens());
        usage.put("cache_read_input_tokens", input.cacheReadInputTokens());
        usage.putObject("cache_creation")
                .put("ephemeral_5m_input_tokens", input.ephemeral5mInputTokens())
                .put("ephemeral_1h_input_tokens", input.ephemeral1hInputTokens());
        usage.put("output_tokens", output);
        usage.put("service_tier", tier);
        usage.put("inference_geo", "not_available");
        return m;
    }

    /** The name of the tool a request forces ({@code tool_choice.name}), else its first tool, else null. */
    private static String toolName(JsonNode body) {
        JsonNode choice = body.path("tool_choice");
        if ("tool".equals(choice.path("type").asText()) && choice.path("name").isTextual()) {
            return choice.get("name").asText();
        }
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty() && tools.get(0).path("name").isTextual()) {
            return tools.get(0).get("name").asText();
        }
        return null;
    }

    private ObjectNode toolUse(String name, JsonNode input) {
        ObjectNode block = JSON.createObjectNode();
        block.put("type", "tool_use");
        block.put("id", "toolu_sim_" + toolUseIds.incrementAndGet());
        block.put("name", name);
        block.set("input", input);
        block.putObject("caller").put("type", "direct");
        return block;
    }

    private static ObjectNode textBlock(String text) {
        return JSON.createObjectNode().put("type", "text").put("text", text);
    }

    private static int outputTokens(ArrayNode content) {
        int n = 0;
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                n += TokenCount.of(block.path("text").asText());
            } else if ("tool_use".equals(block.path("type").asText())) {
                n += TokenCount.of(PromptCache.compact(block.get("input")));
            }
        }
        return n;
    }
}
