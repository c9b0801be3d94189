-- Version 7: the content hash a batch request was made from, stored with the request. Whether a
-- posting changed while its batch ran was told by recomputing its content key, whose formula is
-- this version's: a batch an older version opened looked changed after an upgrade, and every
-- answer in it was thrown away and paid for again. The stored hash changes only when a fetch
-- lands new content. A batch open at the upgrade is taken as made from what its postings hold now.
ALTER TABLE llm_batch_items ADD COLUMN content_hash TEXT;
UPDATE llm_batch_items SET content_hash =
    (SELECT r.content_hash FROM raw_postings r WHERE r.id = llm_batch_items.raw_posting_id);
