-- Version 12: what a posting's stored content was read from, where a board lists postings without
-- their text and gives it by one call per posting (SmartRecruiters' detail). listing_fingerprint is a
-- 64-bit hash of the list item the stored description was read with, set only when that description
-- is not empty and cleared whenever other content lands: a later fetch that finds the same list item
-- (every field of it as it was) keeps the stored text and skips the posting's detail call.
ALTER TABLE raw_postings ADD COLUMN listing_fingerprint BIGINT;
