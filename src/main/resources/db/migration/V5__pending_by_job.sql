-- Version 5: pending postings by job. Before a worker pays to classify a posting it asks whether
-- another pending posting of the same job, with a lower id, is not its own (another worker holds
-- it, or is claiming it this instant, or nobody does yet): that one goes first and this one waits
-- to be merged into its job (incident 16). The question is asked a page at a time and must not
-- scan every pending posting, so PostgreSQL gets an index for it. A SQLite file has one writing
-- process that never asks, and landing postings there is faster without the index, so
-- the placeholder pending_by_job is the index on PostgreSQL and nothing on SQLite.
${pending_by_job}
