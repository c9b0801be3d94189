package dev.jobintel.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationTest {

    @Test
    void everyReasonTheGateFiltersForThatASettingDecidesNamesTheRetryThatDecidesThemAgain() {
        // The README's table: change gate.*, then 'jobintel retry --reason <the reason>'.
        for (String reason : new String[] {"agency", "title", "location", "too_short"}) {
            assertThat(Explanation.action("filtered", reason, 0)).as(reason).contains("jobintel retry --reason " + reason);
        }
    }
}
