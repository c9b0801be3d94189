package dev.jobintel.source.demo;

import dev.jobintel.posting.Hints;

import java.time.Instant;

/**
 * One generated posting before it is written in a source's format: the fields as the source
 * would send them (description as HTML, any field may be null) and the generator's truth.
 *
 * @param board       the board (employer slug) the posting is listed on; for Adzuna the market country
 * @param escapedHtml write the description entity-escaped, as Greenhouse does
 * @param brokenLine  for rejects: the exact line to write instead of a rendering
 */
public record DemoRecord(String source, String board, String id, String url, String company, String title, String location,
                         String descriptionHtml, Instant postedAt, Hints hints, boolean escapedHtml, String brokenLine,
                         Truth truth) {
}
