-- Version 10: what a board's health and fetches were about.
-- board_health.address: the address (API root: the base URL, or the EU instance's) the board was
-- fetched at when its health was last written. Failures at an address the configuration no longer
-- names (a Lever board moved to instance: eu, a base_url changed) were the configuration's, not the
-- board's: they back nothing off at the new address, and its count of failures starts again.
-- NULL for rows written before this version, which keep their back-off as before.
ALTER TABLE board_health ADD COLUMN address TEXT;

-- fetch_runs.replayed: 1 when the fetch was served from a recording (--replay), which leaves
-- board_health alone, so that status can still say which boards a replay failed and why.
ALTER TABLE fetch_runs ADD COLUMN replayed INTEGER NOT NULL DEFAULT 0;

-- Imported files were given health records as boards are, and a file that failed three times was
-- shown as "backed off", though nothing ever backs a file off (each import reads what it is given).
-- A file's failures are read from its fetch runs instead.
DELETE FROM board_health WHERE source = 'import';

-- Status reads each board's last finished fetch (max id per board among rows not 'running'): with this
-- index that is read from the index alone, not from a look-up of every fetch ever run (a year of runs
-- over hundreds of boards is hundreds of thousands of rows).
CREATE INDEX fetch_runs_board_finished ON fetch_runs (source, board, id) WHERE status <> 'running';
