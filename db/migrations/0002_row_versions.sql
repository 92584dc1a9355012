-- Row versions for optimistic concurrency: updates name the version they read and fail with
-- ABORTED when someone else changed the row in between (exposed as `etag` on the API).
ALTER TABLE partners ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1;
