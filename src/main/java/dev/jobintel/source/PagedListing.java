package dev.jobintel.source;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One board read page by page by offset (Lever's {@code skip}, SmartRecruiters' {@code offset}),
 * each page after the first starting on the last item of the page before. That one-item overlap
 * is how a listing that changes while it is read gives itself away: a posting removed ahead of
 * the offset slides the next one back onto a page already read, where it goes unseen, and a
 * fetch called complete would then close a posting that is still listed. A page that does not
 * hold the previous page's last item means the listing moved under the reader; a page that holds
 * it further in means postings were added ahead, which loses nothing.
 *
 * <p>It also lands each item once: an item served again unchanged (the overlap, a shift) is
 * {@link Seen#AGAIN} and skipped; a different item under an id already served is
 * {@link Seen#CHANGED}, passed on so that the board's {@link OncePerId} records it.
 */
public final class PagedListing {

    /** How an item relates to what this fetch has served before. */
    public enum Seen { NEW, AGAIN, CHANGED }

    /** Each served item's id (or, without one, the hash of its JSON). */
    private final Set<String> ids = new HashSet<>();
    /** Each served version of an item: its id and the hash of its JSON. */
    private final Set<String> versions = new HashSet<>();
    private int page = -1;
    private long offset;
    private String previousLast;
    private String last;
    private boolean joined;
    private int items;
    private int fresh;
    private String moved;

    /** @param pageSize items a page asks for; at least 2, or the overlap would leave no room to advance */
    public PagedListing(int pageSize) {
        if (pageSize < 2) {
            throw new IllegalArgumentException("an overlapping page needs room for two items, not " + pageSize);
        }
    }

    /**
     * The offset of the current page: each page after the first starts on the last item of the one
     * before, wherever that was (a server may send fewer items than a page asks for).
     */
    public long offset() {
        return offset;
    }

    /** Starts the next page; returns its number (from 0). */
    public int nextPage() {
        if (page >= 0) {
            offset += Math.max(1, items - 1);
        }
        page++;
        previousLast = last;
        joined = previousLast == null;
        items = 0;
        fresh = 0;
        return page;
    }

    /** Records one item of the current page as served and says whether it is new to this fetch. */
    public Seen see(JsonNode item, String id) {
        items++;
        // Without an id, the item's JSON stands for it (its hash: the JSON itself could be large).
        long content = hash(item);
        String key = id == null ? "json:" + content : "id:" + id;
        if (key.equals(previousLast)) {
            joined = true;
        }
        last = key;
        if (!versions.add(key + "#" + content)) {
            return Seen.AGAIN;
        }
        fresh++;
        return ids.add(key) ? Seen.NEW : Seen.CHANGED;
    }

    /**
     * Ends the current page: when it does not hold the previous page's last item, the listing
     * moved while it was read (remembered; see {@link #moved()}).
     */
    public void endPage() {
        // An empty page after the first moved too: it should hold at least the overlap.
        if (!joined && moved == null) {
            moved = "the listing changed while it was read: page " + (page + 1) + " (offset " + offset
                    + ") no longer starts with the last posting of page " + page + ", so postings may have slid onto"
                    + " pages already read; whatever was seen is kept, and nothing is closed until a fetch reads the"
                    + " board unchanged";
        }
    }

    /**
     * A 64-bit hash of the item, each field by its place and name (see {@link Hash64}). JsonNode's
     * own hash sums its fields' hashes, so two items differing by one character in two fields, as
     * neighbouring postings do, can collide, and String hashes collide as "Aa" and "BB" do: either
     * would pass a different item under a served id as served again, and drop it unrecorded.
     * (Writing the item out as text to hash it costs more than parsing it.)
     */
    private static long hash(JsonNode node) {
        Hash64 h = new Hash64();
        feed(h, node);
        return h.value();
    }

    private static void feed(Hash64 h, JsonNode node) {
        h.number(node.getNodeType().ordinal()).number(node.size());
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                h.text(e.getKey());
                feed(h, e.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                feed(h, child);
            }
        } else {
            h.text(node.asText());
        }
    }

    /** Items on the current page. */
    public int items() {
        return items;
    }

    /** Items on the current page this fetch had not served before as they are now (new or changed). */
    public int fresh() {
        return fresh;
    }

    /** Items of every page so far, each counted once. */
    public int distinct() {
        return ids.size();
    }

    /** Why the fetch cannot be called complete because the listing moved, or null. */
    public String moved() {
        return moved;
    }
}
