-- Partner tiers, kudos, the recognition feed, challenges and NPS surveys. All times are UTC.
-- Safe to re-run.

-- What an event is about beyond a claim: the tier change, kudos or challenge (0: none).
ALTER TABLE outbox_events ADD COLUMN IF NOT EXISTS ref_id BIGINT NOT NULL DEFAULT 0;
-- Trailing sales and points of a partner (tier evaluation), and a partner's newest event
-- (progress streams).
CREATE INDEX IF NOT EXISTS idx_outbox_partner ON outbox_events (partner_id, kind, occurred_at);
CREATE INDEX IF NOT EXISTS idx_outbox_partner_id ON outbox_events (partner_id, id);

-- The tier ladder: one settings row and the tiers, lowest (rank 1) first. The daily
-- evaluation runs once per day on whichever server claims the day first.
CREATE TABLE IF NOT EXISTS tier_settings (
  id TINYINT NOT NULL PRIMARY KEY,
  currency_code CHAR(3) NOT NULL,
  updated_at DATETIME NULL,
  last_scheduled_day DATE NOT NULL
) ENGINE=InnoDB;
INSERT IGNORE INTO tier_settings (id, currency_code, updated_at, last_scheduled_day)
VALUES (1, '', NULL, '2000-01-01');

CREATE TABLE IF NOT EXISTS tiers (
  rank_no INT NOT NULL PRIMARY KEY,
  code VARCHAR(32) NOT NULL,
  name VARCHAR(60) NOT NULL,
  benefits VARCHAR(2000) NOT NULL,
  min_trailing_sales DECIMAL(19,4) NOT NULL,
  min_certified_users INT NOT NULL,
  certification_code VARCHAR(64) NOT NULL,
  min_trailing_points DECIMAL(19,4) NOT NULL,
  UNIQUE KEY uq_tiers_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every promotion and demotion, with the figures that caused it.
CREATE TABLE IF NOT EXISTS tier_changes (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  partner_id BIGINT NOT NULL,
  from_tier VARCHAR(32) NOT NULL,
  to_tier VARCHAR(32) NOT NULL,
  promotion TINYINT NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  -- cim.v1.TierChangeTrigger
  trigger_kind TINYINT NOT NULL,
  evaluated_by BIGINT NOT NULL,
  changed_at DATETIME(6) NOT NULL,
  KEY idx_tier_changes_partner (partner_id, id),
  CONSTRAINT fk_tier_changes_partner FOREIGN KEY (partner_id) REFERENCES partners (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The recognition feed: kudos, spotlight posts and automatic entries (badges, level-ups, tier
-- promotions, period winners, challenges). Kinds and visibility are cim.v1 enums.
CREATE TABLE IF NOT EXISTS feed_entries (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind TINYINT NOT NULL,
  visibility TINYINT NOT NULL,
  user_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  headline VARCHAR(300) NOT NULL,
  message VARCHAR(2000) NOT NULL,
  author_user_id BIGINT NOT NULL,
  points DECIMAL(19,4) NOT NULL,
  badge_id BIGINT NOT NULL,
  leaderboard_id BIGINT NOT NULL,
  challenge_id BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  KEY idx_feed_visibility (visibility, id),
  KEY idx_feed_partner (partner_id, id),
  KEY idx_feed_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Monthly kudos points per giver pool: partner 0 is vendor staff, others a partner's admins.
CREATE TABLE IF NOT EXISTS kudos_budgets (
  partner_id BIGINT NOT NULL PRIMARY KEY,
  monthly_points DECIMAL(19,4) NOT NULL
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS kudos (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  giver_user_id BIGINT NOT NULL,
  -- The budget the points came from (kudos_budgets.partner_id).
  budget_partner_id BIGINT NOT NULL,
  recipient_user_id BIGINT NOT NULL,
  recipient_partner_id BIGINT NOT NULL,
  message VARCHAR(280) NOT NULL,
  points DECIMAL(19,4) NOT NULL,
  visibility TINYINT NOT NULL,
  feed_entry_id BIGINT NOT NULL,
  -- Optional retry key, unique per giver and compared exactly.
  request_id VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
  budget_month DATE NOT NULL,
  created_at DATETIME(6) NOT NULL,
  UNIQUE KEY uq_kudos_request (giver_user_id, request_id),
  KEY idx_kudos_budget (budget_partner_id, budget_month),
  CONSTRAINT fk_kudos_recipient FOREIGN KEY (recipient_user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Challenges; the audience lists and goal are cim.v1 messages as protobuf JSON.
CREATE TABLE IF NOT EXISTS challenges (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  description VARCHAR(2000) NOT NULL,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL,
  program_id BIGINT NOT NULL,
  audience JSON NOT NULL,
  goal JSON NOT NULL,
  reward_points DECIMAL(19,4) NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  -- 1 once the events processed before the challenge existed have been counted for it.
  backfilled TINYINT NOT NULL DEFAULT 0,
  KEY idx_challenges_ends (ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each participant's progress; completed_at is set once, when the goal is reached (and the
-- reward posted in the same transaction).
CREATE TABLE IF NOT EXISTS challenge_progress (
  challenge_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  progress DECIMAL(19,4) NOT NULL,
  completed_at DATETIME(6) NULL,
  PRIMARY KEY (challenge_id, user_id),
  KEY idx_challenge_progress_user (user_id),
  CONSTRAINT fk_challenge_progress_challenge FOREIGN KEY (challenge_id) REFERENCES challenges (id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS surveys (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  question VARCHAR(500) NOT NULL,
  comment_enabled TINYINT NOT NULL,
  audience JSON NOT NULL,
  opens_at DATETIME NOT NULL,
  closes_at DATETIME NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One response per user (the primary key); the partner's type and region as they were.
CREATE TABLE IF NOT EXISTS survey_responses (
  survey_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  partner_type TINYINT NOT NULL,
  region VARCHAR(32) NOT NULL,
  score TINYINT NOT NULL,
  comment VARCHAR(1000) NOT NULL,
  responded_at DATETIME NOT NULL,
  PRIMARY KEY (survey_id, user_id),
  CONSTRAINT fk_survey_responses_survey FOREIGN KEY (survey_id) REFERENCES surveys (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Badge awards not yet announced in the feed (the processor posts and sets them in one
-- transaction); awards made before this migration count as announced.
ALTER TABLE badge_awards ADD COLUMN IF NOT EXISTS in_feed TINYINT NOT NULL DEFAULT 1;
CREATE INDEX IF NOT EXISTS idx_badge_awards_feed ON badge_awards (in_feed);
