package dev.jobintel.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcTest {

    @Test
    void valuesAreBoundInInListsSmallEnoughForAnySqliteAndNoneIsLeftOut() {
        List<Integer> values = IntStream.range(0, 2 * Jdbc.IN_LIST + 1).boxed().toList();
        List<List<Integer>> lists = Jdbc.inLists(values);
        assertThat(lists).extracting(List::size).containsExactly(Jdbc.IN_LIST, Jdbc.IN_LIST, 1);
        assertThat(lists.stream().flatMap(List::stream).toList()).isEqualTo(values);
        assertThat(Jdbc.inLists(java.util.Set.of(7L))).containsExactly(List.of(7L));
        assertThat(Jdbc.inLists(List.of())).isEmpty();
        assertThat(Jdbc.marks(3)).isEqualTo("?, ?, ?");
    }
}
