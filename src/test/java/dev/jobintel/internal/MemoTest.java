package dev.jobintel.internal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MemoTest {

    @Test
    void computesEachKeyOnceUntilFullThenStartsOver() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, Integer> memo = new Memo<>(3, k -> {
            calls.incrementAndGet();
            return k.length();
        });
        assertThat(memo.get("a")).isEqualTo(1);
        assertThat(memo.get("a")).isEqualTo(1);
        assertThat(memo.get("bb")).isEqualTo(2);
        assertThat(memo.get("ccc")).isEqualTo(3);
        assertThat(calls).hasValue(3);
        memo.get("dddd"); // full: starts over
        memo.get("a");
        assertThat(calls).hasValue(5);
        assertThat(memo.get("dddd")).isEqualTo(4);
        assertThat(calls).hasValue(5);
    }
}
