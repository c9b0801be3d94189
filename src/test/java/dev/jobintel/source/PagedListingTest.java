package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagedListingTest {

    private static JsonNode item(int i) {
        return JsonStream.mapper().createObjectNode().put("id", "p" + i).put("title", "Engineer " + i);
    }

    /** Reads one page of {@code listing} from what the board lists now; returns what was new. */
    private static List<PagedListing.Seen> read(PagedListing listing, List<Integer> board, int size) {
        int page = listing.nextPage();
        int from = (int) listing.offset();
        List<PagedListing.Seen> seen = IntStream.range(from, Math.min(board.size(), from + size))
                .mapToObj(i -> listing.see(item(board.get(i)), "p" + board.get(i))).toList();
        listing.endPage();
        return seen;
    }

    @Test
    void eachPageAfterTheFirstStartsOnTheLastItemOfThePageBefore() {
        PagedListing listing = new PagedListing(3);
        List<Integer> board = List.of(0, 1, 2, 3, 4);
        assertThat(read(listing, board, 3)).containsOnly(PagedListing.Seen.NEW);
        assertThat(read(listing, board, 3)).containsExactly(PagedListing.Seen.AGAIN, PagedListing.Seen.NEW,
                PagedListing.Seen.NEW);
        assertThat(listing.offset()).isEqualTo(2);
        assertThat(read(listing, board, 3)).containsExactly(PagedListing.Seen.AGAIN);
        assertThat(listing.distinct()).isEqualTo(5);
        assertThat(listing.moved()).isNull();
    }

    @Test
    void aPostingRemovedAheadOfTheOffsetShowsAsAMovedListing() {
        PagedListing listing = new PagedListing(3);
        read(listing, List.of(0, 1, 2, 3, 4), 3);
        // 0 goes: what was at offset 2 is now at 1, and page 2 no longer starts on posting 2.
        read(listing, List.of(1, 2, 3, 4), 3);
        assertThat(listing.moved()).contains("the listing changed while it was read");
    }

    @Test
    void anEmptyPageAfterAFullOneIsAMovedListing() {
        PagedListing listing = new PagedListing(3);
        read(listing, List.of(0, 1, 2, 3), 3);
        // 0 and 1 go: the board is [2, 3], and the page at offset 2 holds nothing, not even the overlap.
        assertThat(read(listing, List.of(2, 3), 3)).isEmpty();
        assertThat(listing.moved()).contains("the listing changed while it was read");
    }

    @Test
    void anEmptyBoardIsNoMove() {
        PagedListing listing = new PagedListing(3);
        assertThat(read(listing, List.of(), 3)).isEmpty();
        assertThat(listing.moved()).isNull();
    }

    @Test
    void aPostingAddedAheadOfTheOffsetLosesNothingAndIsNoMove() {
        PagedListing listing = new PagedListing(3);
        read(listing, List.of(0, 1, 2, 3, 4), 3);
        assertThat(read(listing, List.of(9, 0, 1, 2, 3, 4), 3)).containsExactly(PagedListing.Seen.AGAIN,
                PagedListing.Seen.AGAIN, PagedListing.Seen.NEW);
        assertThat(listing.moved()).isNull();
    }

    @Test
    void anotherItemUnderAnIdAlreadyServedIsChangedOnceAndThenAgain() {
        PagedListing listing = new PagedListing(2);
        listing.nextPage();
        assertThat(listing.see(item(1), "p1")).isEqualTo(PagedListing.Seen.NEW);
        JsonNode other = item(2);
        assertThat(listing.see(other, "p1")).isEqualTo(PagedListing.Seen.CHANGED);
        assertThat(listing.see(other, "p1")).isEqualTo(PagedListing.Seen.AGAIN);
        assertThat(listing.fresh()).as("the new one and the changed one").isEqualTo(2);
        assertThat(listing.distinct()).isEqualTo(1);
        // Items Java's own hashes cannot tell apart: "Aa" and "BB" share a String hash.
        var json = JsonStream.mapper();
        assertThat(listing.see(json.createObjectNode().put("id", "p7").put("title", "Engineer Aa"), "p7"))
                .isEqualTo(PagedListing.Seen.NEW);
        assertThat(listing.see(json.createObjectNode().put("id", "p7").put("title", "Engineer BB"), "p7"))
                .isEqualTo(PagedListing.Seen.CHANGED);
    }

    @Test
    void aServerThatSendsFewerThanAskedIsReadOnFromWhereItsPageEnded() {
        PagedListing listing = new PagedListing(5);
        List<Integer> board = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        // Asked for five, it sends three a page: the next page starts on the third, not the fifth.
        for (int page = 0; page < 4; page++) {
            read(listing, board, 3);
        }
        assertThat(listing.distinct()).isEqualTo(8);
        assertThat(listing.moved()).isNull();
    }

    @Test
    void anotherItemUnderAnIdAlreadyServedIsProgress() {
        PagedListing listing = new PagedListing(2);
        listing.nextPage();
        listing.see(item(1), "p1");
        listing.see(item(2), "p2");
        listing.endPage();
        listing.nextPage();
        listing.see(item(2), "p2");
        listing.see(item(3), "p1");
        assertThat(listing.fresh()).isEqualTo(1);
    }

    @Test
    void aPageOfOneCannotOverlap() {
        assertThatThrownBy(() -> new PagedListing(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
