-- jobintel schema, version 1: the posting ledger, enriched jobs and their reference data.
-- Portable SQL for SQLite and PostgreSQL. Placeholders: ${pk}, the identity column, and
-- ${without_rowid}, SQLite's clustered-table clause (empty on PostgreSQL).
-- Times are epoch milliseconds (BIGINT) in both engines.

-- Reference data, synchronised from the taxonomy and the city table on every start, so that
-- NOT NULL + foreign keys keep every coded field of enriched_jobs valid (incidents 1, 2, 12).
CREATE TABLE ref_family (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE ref_subfamily (
    family TEXT NOT NULL REFERENCES ref_family (code),
    code   TEXT NOT NULL,
    name   TEXT NOT NULL,
    PRIMARY KEY (family, code)
);
CREATE TABLE ref_seniority (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    level_rank INTEGER NOT NULL
);
CREATE TABLE ref_track (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE ref_arrangement (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE ref_position_type (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE ref_currency (
    code TEXT PRIMARY KEY CHECK (length(code) = 3),
    name TEXT NOT NULL
);
CREATE TABLE ref_skill_family (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE ref_region (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE ref_country (
    code   TEXT PRIMARY KEY CHECK (length(code) = 2),
    name   TEXT NOT NULL,
    region TEXT NOT NULL REFERENCES ref_region (code)
);
CREATE TABLE ref_city (
    code    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL REFERENCES ref_country (code)
);

-- One row per board (or imported file) fetched.
CREATE TABLE fetch_runs (
    id              ${pk},
    run_id          TEXT    NOT NULL,
    source          TEXT    NOT NULL,
    board           TEXT    NOT NULL,
    started_at      BIGINT  NOT NULL,
    finished_at     BIGINT,
    status          TEXT    NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed')),
    http_status     INTEGER,
    seen            INTEGER NOT NULL DEFAULT 0,
    new_count       INTEGER NOT NULL DEFAULT 0,
    updated_count   INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    rejected        INTEGER NOT NULL DEFAULT 0,
    error           TEXT
);
CREATE INDEX fetch_runs_run ON fetch_runs (run_id);
CREATE INDEX fetch_runs_board ON fetch_runs (source, board, id);

-- One row per distinct job (job_hash). Every coded field is NOT NULL and refers to the taxonomy.
CREATE TABLE enriched_jobs (
    id              ${pk},
    job_hash        TEXT    NOT NULL UNIQUE,
    company         TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    place           TEXT    NOT NULL,
    city_code       TEXT REFERENCES ref_city (code),
    country_code    TEXT REFERENCES ref_country (code),
    remote_scope    TEXT,
    family          TEXT    NOT NULL REFERENCES ref_family (code),
    subfamily       TEXT    NOT NULL,
    seniority       TEXT    NOT NULL REFERENCES ref_seniority (code),
    track           TEXT    NOT NULL REFERENCES ref_track (code),
    arrangement     TEXT    NOT NULL REFERENCES ref_arrangement (code),
    position_type   TEXT    NOT NULL REFERENCES ref_position_type (code),
    salary_min      DOUBLE PRECISION,
    salary_max      DOUBLE PRECISION,
    salary_currency TEXT REFERENCES ref_currency (code),
    salary_period   TEXT CHECK (salary_period IN ('year', 'month', 'week', 'day', 'hour')),
    equity          INTEGER NOT NULL DEFAULT 0 CHECK (equity IN (0, 1)),
    years_min       INTEGER CHECK (years_min >= 0),
    years_max       INTEGER,
    summary         TEXT    NOT NULL,
    classifier      TEXT    NOT NULL,
    model           TEXT,
    prompt_version  TEXT    NOT NULL,
    defaulted       TEXT    NOT NULL DEFAULT '',
    first_seen      BIGINT  NOT NULL,
    last_seen       BIGINT  NOT NULL,
    raw_count       INTEGER NOT NULL DEFAULT 0 CHECK (raw_count >= 0),
    classified_at   BIGINT  NOT NULL,
    FOREIGN KEY (family, subfamily) REFERENCES ref_subfamily (family, code),
    CHECK ((salary_min IS NULL AND salary_max IS NULL) = (salary_currency IS NULL)),
    CHECK ((salary_currency IS NULL) = (salary_period IS NULL)),
    CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max),
    CHECK (years_max IS NULL OR years_min IS NULL OR years_min <= years_max),
    CHECK (first_seen <= last_seen)
);
-- Reports scan all jobs anyway; indexes on family or city would only slow every insert.

CREATE TABLE job_skills (
    job_id BIGINT NOT NULL REFERENCES enriched_jobs (id) ON DELETE CASCADE,
    skill  TEXT   NOT NULL,
    family TEXT REFERENCES ref_skill_family (code),
    PRIMARY KEY (job_id, skill)
)${without_rowid};

-- Every posting ever seen, with exactly one outcome at all times. The large text lives in
-- posting_texts, so that updating an outcome rewrites a small row, not a page of description.
CREATE TABLE raw_postings (
    id                 ${pk},
    source             TEXT    NOT NULL,
    source_job_id      TEXT    NOT NULL,
    url                TEXT,
    company            TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    location_text      TEXT,
    posted_at          BIGINT,
    content_hash       TEXT    NOT NULL,
    job_hash           TEXT    NOT NULL,
    place              TEXT    NOT NULL,
    first_seen         BIGINT  NOT NULL,
    last_seen          BIGINT  NOT NULL,
    closed_at          BIGINT,
    first_fetch_run_id BIGINT REFERENCES fetch_runs (id),
    last_fetch_run_id  BIGINT REFERENCES fetch_runs (id),
    outcome            TEXT    NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'enriched', 'merged', 'filtered', 'failed')),
    outcome_reason     TEXT,
    outcome_detail     TEXT,
    outcome_at         BIGINT,
    job_id             BIGINT REFERENCES enriched_jobs (id),
    attempts           INTEGER NOT NULL DEFAULT 0,
    retryable          INTEGER CHECK (retryable IN (0, 1)),
    last_error         TEXT,
    raw_output         TEXT,
    UNIQUE (source, source_job_id),
    CHECK ((outcome IN ('enriched', 'merged')) = (job_id IS NOT NULL)),
    CHECK ((outcome IN ('filtered', 'failed')) = (outcome_reason IS NOT NULL)),
    CHECK (first_seen <= last_seen)
);
CREATE INDEX raw_postings_ledger ON raw_postings (source, outcome, outcome_reason);
CREATE INDEX raw_postings_pending ON raw_postings (id) WHERE outcome = 'pending';
CREATE INDEX raw_postings_job ON raw_postings (job_id);

-- What a posting says, as clean text, and the structured hints its source gave (JSON).
CREATE TABLE posting_texts (
    posting_id  BIGINT PRIMARY KEY REFERENCES raw_postings (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    hints       TEXT
);

-- Ingest-level rejects: bodies that do not parse, postings with no title or URL. Never raw rows.
CREATE TABLE rejects (
    id           ${pk},
    fetch_run_id BIGINT REFERENCES fetch_runs (id),
    source       TEXT   NOT NULL,
    board        TEXT   NOT NULL,
    reason       TEXT   NOT NULL,
    detail       TEXT,
    payload      TEXT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX rejects_run ON rejects (fetch_run_id);
