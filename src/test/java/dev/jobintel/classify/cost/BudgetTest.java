package dev.jobintel.classify.cost;

import dev.jobintel.classify.RunStop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BudgetTest {

    @Test
    void reservationsInFlightCountSoSpendingNeverPassesTheLimit() {
        Budget b = new Budget(1.00);
        b.reserve(0.40);
        b.reserve(0.40);
        // 0.80 reserved: a third request that could cost 0.40 might take spending to 1.20.
        assertThatThrownBy(() -> b.reserve(0.40)).isInstanceOf(RunStop.class)
                .satisfies(e -> assertThat(((RunStop) e).reason()).isEqualTo("budget"));
        b.settle(0.40, 0.05);
        b.settle(0.40, 0.05);
        assertThat(b.spent()).isCloseTo(0.10, within(1e-12));
        b.reserve(0.40);
    }

    @Test
    void anUnlimitedBudgetNeverStops() {
        Budget b = Budget.unlimited();
        for (int i = 0; i < 1000; i++) {
            b.reserve(1e6);
        }
        assertThat(b.limit()).isNull();
    }

    @Test
    void theStopSaysTheBudgetAsGivenNotRoundedToCents() {
        Budget b = new Budget(0.005);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.reserve(0.01))
                .hasMessageContaining("the budget of $0.005 is reached");
    }
}
