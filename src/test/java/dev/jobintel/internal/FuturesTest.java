package dev.jobintel.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FuturesTest {

    @Test
    void givesTheResult() {
        assertThat(Futures.await(CompletableFuture.completedFuture(7), "adding")).isEqualTo(7);
    }

    @Test
    void rethrowsWhatTheWorkThrewUnchanged() {
        IllegalArgumentException bug = new IllegalArgumentException("bad board");
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(bug), "fetching")).isSameAs(bug);
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        FutureTask<Object> task = new FutureTask<>(() -> {
            throw oom;
        });
        task.run();
        assertThatThrownBy(() -> Futures.await(task, "parsing")).isSameAs(oom);
    }

    @Test
    void wrapsACheckedFailureSayingWhatFailed() {
        IOException io = new IOException("disk full");
        assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(io), "writing outcomes"))
                .isInstanceOf(IllegalStateException.class).hasCause(io).hasMessageContaining("writing outcomes failed");
    }

    @Test
    void anInterruptKeepsTheFlagAndSaysWhatWasAwaited() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Futures.await(new CompletableFuture<>(), "classifying"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("interrupted while classifying");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
