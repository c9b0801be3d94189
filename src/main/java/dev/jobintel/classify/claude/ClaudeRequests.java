package dev.jobintel.classify.claude;

import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.batches.BatchCreateParams;

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

        ContentBlockParam toolResult() {
            String toolUseId = answer.content().stream().filter(b -> b.isToolUse())
                    .map(b -> b.asToolUse().id()).findFirst().orElse(null);
            return toolUseId == null ? null : ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                    .toolUseId(toolUseId).content(feedback()).isError(true).build());
        }
    }

    /** @param reAsk null for a first request */
    public MessageCreateParams message(String postingMessage, ReAsk reAsk, int maxTokens) {
        MessageCreateParams.Builder b = MessageCreateParams.builder()
                .model(model)
                .maxTokens(maxTokens)
                .systemOfTextBlockParams(system)
                .addTool(tool)
                .toolChoice(choice)
                .addUserMessage(postingMessage);
        if (reAsk != null) {
            b.addMessage(reAsk.answer());
            ContentBlockParam result = reAsk.toolResult();
            if (result != null) {
                b.addUserMessageOfContentBlockParams(List.of(result));
            } else {
                b.addUserMessage(reAsk.feedback());
            }
        }
        return b.build();
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
