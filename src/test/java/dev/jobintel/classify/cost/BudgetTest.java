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
    void aRequestSentBesideOthersWaitsForTheirReservationsInsteadOfStopping() throws Exception {
        Budget b = new Budget(1.00);
        b.reserve(0.40);
        b.reserve(0.40);
        java.util.concurrent.CompletableFuture<Void> third = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                b.reserveWhenSettled(0.40);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(third).isNotDone();
        // The first request cost a fraction of its worst case: room for the third.
        b.settle(0.40, 0.01);
        third.get(5, java.util.concurrent.TimeUnit.SECONDS);
        b.settle(0.40, 0.01);
        b.settle(0.40, 0.50);
        // Now what is spent leaves no room for another worst case: that is the budget's stop.
        assertThatThrownBy(() -> b.reserveWhenSettled(0.50)).isInstanceOf(RunStop.class)
                .satisfies(e -> assertThat(((RunStop) e).reason()).isEqualTo("budget"));
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
