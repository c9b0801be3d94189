-- Version 3: the cost ledger of model calls, and message batches.

-- A batch of requests sent through the Message Batches API. The row (with its postings) is
-- written before the batch is submitted and gets the API's id right after, so a restarted
-- process resumes polling it instead of paying for the same postings twice.
CREATE TABLE llm_batches (
    id             ${pk},
    remote_id      TEXT UNIQUE,
    model          TEXT    NOT NULL,
    prompt_version TEXT    NOT NULL,
    status         TEXT    NOT NULL
        CHECK (status IN ('submitting', 'in_progress', 'ended', 'collected', 'abandoned')),
    request_count  INTEGER NOT NULL CHECK (request_count > 0),
    created_at     BIGINT  NOT NULL,
    submitted_at   BIGINT,
    ended_at       BIGINT,
    collected_at   BIGINT,
    error          TEXT
);

-- The postings a batch asked about; custom_id is what the API echoes back with each result.
CREATE TABLE llm_batch_items (
    batch_id       BIGINT NOT NULL REFERENCES llm_batches (id),
    raw_posting_id BIGINT NOT NULL REFERENCES raw_postings (id),
    custom_id      TEXT   NOT NULL,
    content_key    TEXT   NOT NULL,
    PRIMARY KEY (batch_id, custom_id)
);

-- While a posting waits in an open batch it is pending but not to be classified again.
ALTER TABLE raw_postings ADD COLUMN batch_id BIGINT REFERENCES llm_batches (id);

-- Every request to a model, answered or not (incidents 10, 27): tokens as the API billed them,
-- the price at the time, and what came of it. A valid answer is kept so that the same content
-- is never paid for again with the same model and prompt (incident 16).
CREATE TABLE llm_calls (
    id                 ${pk},
    raw_posting_id     BIGINT REFERENCES raw_postings (id),
    content_key        TEXT    NOT NULL,
    model              TEXT    NOT NULL,
    answered_model     TEXT,
    prompt_version     TEXT    NOT NULL,
    attempt            INTEGER NOT NULL CHECK (attempt >= 1),
    batch_id           BIGINT REFERENCES llm_batches (id),
    input_tokens       BIGINT  NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens      BIGINT  NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cache_write_tokens BIGINT  NOT NULL DEFAULT 0 CHECK (cache_write_tokens >= 0),
    cache_read_tokens  BIGINT  NOT NULL DEFAULT 0 CHECK (cache_read_tokens >= 0),
    cost_usd           DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    latency_ms         BIGINT,
    outcome            TEXT    NOT NULL CHECK (outcome IN ('valid', 'invalid', 'truncated', 'refused', 'rate_limited',
                                   'overloaded', 'server_error', 'timeout', 'bad_request', 'too_large', 'stopped',
                                   'expired', 'canceled')),
    http_status        INTEGER,
    request_id         TEXT,
    error              TEXT,
    answer             TEXT,
    created_at         BIGINT  NOT NULL
);
CREATE INDEX llm_calls_reuse ON llm_calls (content_key, model, prompt_version) WHERE outcome = 'valid';
CREATE INDEX llm_calls_posting ON llm_calls (raw_posting_id);
