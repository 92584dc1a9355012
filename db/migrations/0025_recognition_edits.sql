-- Badges, leaderboards, training modules, challenges and surveys can be edited and archived
-- (cim.v1 Update* RPCs): `archived` hides them from partners and stops what they do (awards,
-- completions, progress, responses) while keeping what was earned; `version` is the row
-- version updates name (the API's etag). Safe to re-run.
ALTER TABLE badges ADD COLUMN IF NOT EXISTS archived TINYINT NOT NULL DEFAULT 0;
ALTER TABLE badges ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE leaderboards ADD COLUMN IF NOT EXISTS archived TINYINT NOT NULL DEFAULT 0;
ALTER TABLE leaderboards ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE training_modules ADD COLUMN IF NOT EXISTS archived TINYINT NOT NULL DEFAULT 0;
ALTER TABLE training_modules ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE challenges ADD COLUMN IF NOT EXISTS archived TINYINT NOT NULL DEFAULT 0;
ALTER TABLE challenges ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE surveys ADD COLUMN IF NOT EXISTS archived TINYINT NOT NULL DEFAULT 0;
ALTER TABLE surveys ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 1;
-- Survey results of one partner (partner admins read their own partner's).
CREATE INDEX IF NOT EXISTS idx_survey_responses_partner ON survey_responses (survey_id, partner_id);
