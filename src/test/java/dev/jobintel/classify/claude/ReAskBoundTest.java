package dev.jobintel.classify.claude;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.Message;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-ask sends the invalid answer back with the problems: the budget's worst case for it must hold
 * that answer whatever its length. A flat 4,096 tokens did not: an answer may run to retry_max_tokens.
 */
class ReAskBoundTest {

    private static Message answer(String summary) throws Exception {
        ObjectNode m = (ObjectNode) ObjectMappers.jsonMapper().readTree(ReAskBoundTest.class.getResourceAsStream(
                "/samples/anthropic/vercel_ai_text_plus_tool_use_message.json"));
        ((ObjectNode) m.withArray("content").get(1).get("input")).put("summary", summary);
        return ObjectMappers.jsonMapper().treeToValue(m, Message.class);
    }

    @Test
    void aReAskIsBoundedByTheAnswerItSendsBackWhateverItsLength() throws Exception {
        String longSummary = "é, a summary far longer than fifty words. ".repeat(2_000);
        ClaudeRequests.ReAsk reAsk = new ClaudeRequests.ReAsk(answer(longSummary), "summary: more than 50 words");
        long answerBytes = longSummary.getBytes(StandardCharsets.UTF_8).length;
        assertThat(answerBytes).as("longer than the old flat allowance").isGreaterThan(4 * 4096);
        assertThat(ClaudeClassifier.reAskTokens(reAsk)).isGreaterThanOrEqualTo(answerBytes
                + reAsk.feedback().getBytes(StandardCharsets.UTF_8).length);

        assertThat(ClaudeClassifier.reAskTokens(null)).as("a first request").isZero();
    }
}
