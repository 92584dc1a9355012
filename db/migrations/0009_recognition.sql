-- Recognition: the outbox of domain events, and levels, badges and leaderboards derived from
-- it. All times are UTC. Safe to re-run.

-- Domain events, written in the same transaction as the change that caused them (an approval,
-- a reversal, ...). The recognition processor applies each exactly once (processed = 1 in the
-- same transaction as its effects); the rows stay, so awards can be re-derived.
CREATE TABLE IF NOT EXISTS outbox_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind TINYINT NOT NULL,
  partner_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  program_id BIGINT NOT NULL,
  claim_id BIGINT NOT NULL,
  -- Sales counted (claim total) in currency_code; 0 and '' when none.
  amount DECIMAL(19,4) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  -- Points earned (negative when taken back).
  points DECIMAL(19,4) NOT NULL,
  -- When the event counts: the approval; for a reversal, the reversed reward's time.
  occurred_at DATETIME(6) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  processed TINYINT NOT NULL DEFAULT 0,
  KEY idx_outbox_pending (processed, id),
  KEY idx_outbox_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row: its lock serialises the processors of every server replica, and `seq` numbers the
-- leaderboard score changes they commit (so replicas follow the changes in commit order).
CREATE TABLE IF NOT EXISTS recognition_state (
  id TINYINT NOT NULL PRIMARY KEY,
  score_seq BIGINT NOT NULL
) ENGINE=InnoDB;
INSERT IGNORE INTO recognition_state (id, score_seq) VALUES (1, 0);

-- Approvals and points reversals made before this migration, so recognition starts from the
-- whole history (the kinds are cim.v1.RecognitionEventKind; claim status 3 is APPROVED and 6
-- PAID; ledger account 2 is POINTS and kind 11 REVERSAL).
INSERT INTO outbox_events (kind, partner_id, user_id, program_id, claim_id, amount,
                           currency_code, points, occurred_at, created_at)
SELECT 1, c.partner_id, c.submitted_by, c.program_id, c.id, c.total_amount, c.currency_code,
       COALESCE((SELECT SUM(e.amount) FROM ledger_entries e
                 WHERE e.claim_id = c.id AND e.account = 2 AND e.kind <> 11), 0),
       a.approved_at, a.approved_at
FROM claims c
JOIN (SELECT claim_id, MAX(created_at) AS approved_at FROM claim_events WHERE to_status = 3
      GROUP BY claim_id) a ON a.claim_id = c.id
WHERE c.status IN (3, 6)
  AND NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.claim_id = c.id AND o.kind = 1);
INSERT INTO outbox_events (kind, partner_id, user_id, program_id, claim_id, amount,
                           currency_code, points, occurred_at, created_at)
SELECT 2, r.partner_id, COALESCE(r.user_id, 0), COALESCE(r.program_id, 0),
       COALESCE(r.claim_id, 0), 0, '', r.amount, o.created_at, r.created_at
FROM ledger_entries r JOIN ledger_entries o ON o.id = r.reverses_entry_id
WHERE r.kind = 11 AND r.account = 2
  AND NOT EXISTS (SELECT 1 FROM outbox_events x WHERE x.kind = 2 AND x.claim_id = r.claim_id
                  AND x.points = r.amount);

CREATE TABLE IF NOT EXISTS levels (
  min_points DECIMAL(19,4) NOT NULL PRIMARY KEY,
  name VARCHAR(60) NOT NULL,
  UNIQUE KEY uq_levels_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per user, event kind, unit and calendar month: how many events and their sum. Points rows
-- have kind 0 and unit 'points'. Badge criteria (counts, period sums, streaks) read these.
CREATE TABLE IF NOT EXISTS recognition_tallies (
  user_id BIGINT NOT NULL,
  kind TINYINT NOT NULL,
  unit VARCHAR(8) NOT NULL,
  month DATE NOT NULL,
  events BIGINT NOT NULL,
  amount DECIMAL(19,4) NOT NULL,
  PRIMARY KEY (user_id, kind, unit, month)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS badges (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  description VARCHAR(500) NOT NULL,
  image_url VARCHAR(500) NOT NULL,
  -- cim.v1.BadgeCriteria as protobuf JSON, validated on save.
  criteria JSON NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  -- Users who met the criteria before the badge existed are awarded in chunks by user id:
  -- backfill_after is the last user checked, backfilled 1 once all were.
  backfilled TINYINT NOT NULL DEFAULT 0,
  backfill_after BIGINT NOT NULL DEFAULT 0,
  UNIQUE KEY uq_badges_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A badge is earned once per user (the primary key makes awarding idempotent).
CREATE TABLE IF NOT EXISTS badge_awards (
  badge_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  earned_at DATETIME NOT NULL,
  PRIMARY KEY (badge_id, user_id),
  KEY idx_badge_awards_user (user_id, earned_at),
  CONSTRAINT fk_badge_awards_badge FOREIGN KEY (badge_id) REFERENCES badges (id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS recognition_preferences (
  user_id BIGINT NOT NULL PRIMARY KEY,
  hide_name TINYINT NOT NULL,
  CONSTRAINT fk_recognition_preferences_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS leaderboards (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  program_id BIGINT NOT NULL,
  metric TINYINT NOT NULL,
  currency_code CHAR(3) NOT NULL,
  scope TINYINT NOT NULL,
  period TINYINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  -- 1 once the events processed before the board existed have been counted on it.
  backfilled TINYINT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The system of record of every board: one row per board, period and participant (a user, or
-- a partner on partner boards). Period '2000-01-01' for all-time boards. `seq` is the
-- recognition_state.score_seq of the row's last change; servers keep the ranking in memory
-- and follow changes by seq.
CREATE TABLE IF NOT EXISTS leaderboard_scores (
  board_id BIGINT NOT NULL,
  period_start DATE NOT NULL,
  participant_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  score DECIMAL(19,4) NOT NULL,
  -- When the participant reached this score (ties rank the earlier first).
  reached_at DATETIME(6) NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (board_id, period_start, participant_id),
  KEY idx_leaderboard_scores_seq (seq),
  KEY idx_leaderboard_scores_rank (board_id, period_start, score DESC, reached_at, participant_id)
) ENGINE=InnoDB;

-- Every period of a board that has scores; closed_at is set once the period has ended and its
-- placements are recorded.
CREATE TABLE IF NOT EXISTS leaderboard_periods (
  board_id BIGINT NOT NULL,
  period_start DATE NOT NULL,
  closed_at DATETIME NULL,
  PRIMARY KEY (board_id, period_start),
  KEY idx_leaderboard_periods_open (closed_at)
) ENGINE=InnoDB;

-- Who finished where in closed periods (placement badges read these).
CREATE TABLE IF NOT EXISTS leaderboard_placements (
  board_id BIGINT NOT NULL,
  period_start DATE NOT NULL,
  placement INT NOT NULL,
  participant_id BIGINT NOT NULL,
  score DECIMAL(19,4) NOT NULL,
  PRIMARY KEY (board_id, period_start, placement),
  KEY idx_leaderboard_placements_participant (participant_id)
) ENGINE=InnoDB;
