-- Version 6: when a posting first became part of a job (enriched, or merged into one). It stays
-- when the posting is put back to pending (backfill, backfill --relocate, a changed description),
-- so that a posting once counted in a job is never filtered as 'closed' when it is decided again:
-- 'closed' is for postings that left their board before they were ever classified.
ALTER TABLE raw_postings ADD COLUMN joined_job_at BIGINT;
UPDATE raw_postings SET joined_job_at = coalesce(outcome_at, last_seen) WHERE outcome IN ('enriched', 'merged');
