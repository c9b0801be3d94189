package dev.jobintel.classify.claude;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.ToolUseBlockParam;
import com.anthropic.models.messages.batches.BatchCreateParams;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the SDK requests: the cached prefix as system blocks (the breakpoint on the last), the
 * classification tool forced through {@code tool_choice}, then the conversation — the posting,
 * and for a re-ask the model's answer and the validation problems as the tool's error result.
 */
public final class ClaudeRequests {

    private final String model;
    private final List<TextBlockParam> system;
    private final Tool tool;
    private final ToolChoiceTool choice;

    public ClaudeRequests(String model, ClaudePrompt prompt, ClassificationTool definition, String cacheTtl) {
        this.model = model;
        List<TextBlockParam> blocks = new ArrayList<>();
        List<String> prefix = prompt.prefix();
        for (int i = 0; i < prefix.size(); i++) {
            TextBlockParam.Builder b = TextBlockParam.builder().text(prefix.get(i));
            if (i == prefix.size() - 1) {
                b.cacheControl(CacheControlEphemeral.builder()
                        .ttl(cacheTtl.equals("1h") ? CacheControlEphemeral.Ttl.TTL_1H : CacheControlEphemeral.Ttl.TTL_5M)
                        .build());
            }
            blocks.add(b.build());
        }
        this.system = List.copyOf(blocks);
        Tool.InputSchema.Properties.Builder props = Tool.InputSchema.Properties.builder();
        definition.properties().forEach((k, v) -> props.putAdditionalProperty(k, JsonValue.from(v)));
        this.tool = Tool.builder()
                .name(ClassificationTool.NAME)
                .description(definition.description())
                .inputSchema(Tool.InputSchema.builder().properties(props.build()).required(definition.required()).build())
                .build();
        this.choice = ToolChoiceTool.builder().name(ClassificationTool.NAME).disableParallelToolUse(true).build();
    }

    public String model() {
        return model;
    }

    /**
     * What to say after the posting when re-asking: the model's invalid answer, and the problems
     * found in it — as the tool's error result when the answer was a tool call.
     */
    public record ReAsk(Message answer, String problems) {
        String feedback() {
            return "The answer was not valid: " + problems + ". Call " + ClassificationTool.NAME
                    + " again with every field corrected; use only the allowed values, or null where the posting "
                    + "states nothing.";
        }

        /**
         * The answer as an assistant turn the API takes back, which is not always the answer as it came: the API
         * refuses (400) a turn with no content, a text block with no text, a tool call whose input is no object,
         * and a block of a kind a request does not carry. So blank text and blocks of other kinds are left out,
         * and a tool call's input is the object it meant (parsed from a string, see
         * {@link ClaudeClassifier#toolInput}), else {}. Empty when nothing is left.
         */
        List<ContentBlockParam> assistantTurn() {
            List<ContentBlockParam> blocks = new ArrayList<>();
            for (ContentBlock b : answer.content()) {
                if (b.isText() && !b.asText().text().isBlank()) {
                    blocks.add(text(b.asText().text()));
                } else if (b.isToolUse()) {
                    ToolUseBlock call = b.asToolUse();
                    JsonNode sent = ClaudeClassifier.toNode(call._input());
                    JsonNode input = sent != null && sent.isObject() ? sent : ClaudeClassifier.toolInput(sent);
                    ToolUseBlockParam.Input.Builder in = ToolUseBlockParam.Input.builder();
                    if (input != null) {
                        input.fields().forEachRemaining(f -> in.putAdditionalProperty(f.getKey(),
                                JsonValue.fromJsonNode(f.getValue())));
                    }
                    blocks.add(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder().id(call.id()).name(call.name())
                            .input(in.build()).build()));
                }
            }
            return blocks;
        }

        /**
         * The user turn after the answer: a tool_result for every tool call in it (the API refuses a call left
         * unanswered), the first carrying the problems; with no tool call, the feedback as text.
         */
        List<ContentBlockParam> reply() {
            List<ContentBlockParam> results = new ArrayList<>();
            for (ContentBlock b : answer.content()) {
                if (b.isToolUse()) {
                    results.add(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                            .toolUseId(b.asToolUse().id())
                            .content(results.isEmpty() ? feedback() : "Only the first call of " + ClassificationTool.NAME
                                    + " is read: correct that one.")
                            .isError(true).build()));
                }
            }
            return results.isEmpty() ? List.of(text(feedback())) : results;
        }
    }

    private static ContentBlockParam text(String text) {
        return ContentBlockParam.ofText(TextBlockParam.builder().text(text).build());
    }

    /** @param reAsk null for a first request */
    public MessageCreateParams message(String postingMessage, ReAsk reAsk, int maxTokens) {
        MessageCreateParams.Builder b = MessageCreateParams.builder()
                .model(model)
                .maxTokens(maxTokens)
                .systemOfTextBlockParams(system)
                .addTool(tool)
                .toolChoice(choice);
        if (reAsk == null) {
            return b.addUserMessage(postingMessage).build();
        }
        List<ContentBlockParam> answer = reAsk.assistantTurn();
        if (answer.isEmpty()) {
            // Nothing of the answer can be sent back (it said nothing): the problems follow the posting in its turn.
            return b.addUserMessageOfContentBlockParams(List.of(text(postingMessage), text(reAsk.feedback()))).build();
        }
        return b.addUserMessage(postingMessage)
                .addAssistantMessageOfContentBlockParams(answer)
                .addUserMessageOfContentBlockParams(reAsk.reply())
                .build();
    }

    /** A first request for one posting, in a message batch (re-asks go through {@link #message}). */
    public BatchCreateParams.Request batchRequest(String customId, String postingMessage, int maxTokens) {
        return BatchCreateParams.Request.builder()
                .customId(customId)
                .params(BatchCreateParams.Request.Params.builder()
                        .model(model)
                        .maxTokens(maxTokens)
                        .systemOfTextBlockParams(system)
                        .addTool(tool)
                        .toolChoice(choice)
                        .addUserMessage(postingMessage)
                        .build())
                .build();
    }
}
