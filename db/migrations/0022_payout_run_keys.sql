-- A payout run is made once per idempotency key of the finance user who asks for it: a retry
-- (a second click, a timeout) answers the run the first call made. Runs made before keys have
-- none (NULL, which the unique key allows many of). Safe to re-run.
ALTER TABLE payout_runs
  ADD COLUMN IF NOT EXISTS idempotency_key
    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL AFTER created_by,
  ADD UNIQUE KEY IF NOT EXISTS uq_payout_runs_idempotency (created_by, idempotency_key);
