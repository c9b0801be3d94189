-- Version 2: boards. Postings remember the board they came from, so a complete fetch of a
-- board can close the postings that left it (liveness); board_health records failures and
-- back-off so one broken board is retried later instead of on every run.

ALTER TABLE raw_postings ADD COLUMN board TEXT;
CREATE INDEX raw_postings_board ON raw_postings (source, board, closed_at);

CREATE TABLE board_health (
    source               TEXT    NOT NULL,
    board                TEXT    NOT NULL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    last_success_at      BIGINT,
    last_failure_at      BIGINT,
    last_status          INTEGER,
    last_error           TEXT,
    backoff_until        BIGINT,
    skipped              INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, board)
);

-- How many postings a complete fetch found gone from the board.
ALTER TABLE fetch_runs ADD COLUMN closed_count INTEGER NOT NULL DEFAULT 0;

-- A reject seen again (the same broken line or posting on the next fetch) is one reject seen
-- twice, not two: reruns must not grow the ledger.
ALTER TABLE rejects ADD COLUMN payload_hash TEXT;
ALTER TABLE rejects ADD COLUMN last_seen BIGINT;
ALTER TABLE rejects ADD COLUMN times_seen INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX rejects_identity ON rejects (source, board, payload_hash);
