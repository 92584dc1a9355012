-- Notifications. A change writes a notification event in its own transaction; a server then
-- tells it to each person it concerns (one notifications row each, in the notification centre
-- when they chose in-app) and queues their email (at once, or in the day's digest), marking
-- the event processed in that same transaction: told once, never lost. Texts are written in
-- the reader's language when read, from the stored arguments. All times are UTC. Safe to re-run.

-- The language a person chose for what the server writes to them ('' not chosen).
ALTER TABLE users ADD COLUMN IF NOT EXISTS language VARCHAR(20) NOT NULL DEFAULT '';

CREATE TABLE IF NOT EXISTS notification_events (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind SMALLINT NOT NULL,
  partner_id BIGINT NOT NULL,
  -- The one person it is for; 0: the people its kind names.
  user_id BIGINT NOT NULL,
  ref_id BIGINT NOT NULL,
  link VARCHAR(300) NOT NULL,
  -- cim.v1.NotificationArguments as JSON.
  args_json TEXT NOT NULL,
  -- Set by scheduled scans: one event per key.
  dedupe_key VARCHAR(190) CHARACTER SET ascii COLLATE ascii_bin NULL,
  occurred_at DATETIME(6) NOT NULL,
  processed TINYINT NOT NULL DEFAULT 0,
  UNIQUE KEY uq_notification_events_dedupe (dedupe_key),
  KEY idx_notification_events_pending (processed, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS notifications (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  event_id BIGINT NOT NULL,
  kind SMALLINT NOT NULL,
  category SMALLINT NOT NULL,
  link VARCHAR(300) NOT NULL,
  args_json TEXT NOT NULL,
  -- Shown in the notification centre (the person's choice when it arrived).
  in_app TINYINT NOT NULL,
  -- 0 no email, 1 waiting for the day's digest, 2 emailed (queued in the email outbox).
  email_state TINYINT NOT NULL,
  created_at DATETIME(6) NOT NULL,
  read_at DATETIME(6) NULL,
  UNIQUE KEY uq_notifications_event_user (event_id, user_id),
  KEY idx_notifications_user (user_id, in_app, id),
  KEY idx_notifications_digest (email_state, user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A person's own choice per category; without a row, their partner's default, else the
-- system's (server/notification/notification_rules.cc).
CREATE TABLE IF NOT EXISTS notification_preferences (
  user_id BIGINT NOT NULL,
  category SMALLINT NOT NULL,
  in_app TINYINT NOT NULL,
  email TINYINT NOT NULL,
  -- cim.v1.NotificationDelivery.
  delivery TINYINT NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (user_id, category)
) ENGINE=InnoDB;

-- A partner's defaults for its people, set by vendor staff.
CREATE TABLE IF NOT EXISTS partner_notification_defaults (
  partner_id BIGINT NOT NULL,
  category SMALLINT NOT NULL,
  in_app TINYINT NOT NULL,
  email TINYINT NOT NULL,
  delivery TINYINT NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (partner_id, category)
) ENGINE=InnoDB;

-- Each email's one-click unsubscribe token, kept as its SHA-256 (category 0: a digest, which
-- stops every digest category).
ALTER TABLE email_outbox ADD COLUMN IF NOT EXISTS unsubscribe_hash CHAR(64) NULL;
ALTER TABLE email_outbox ADD UNIQUE KEY IF NOT EXISTS uq_email_outbox_unsubscribe (unsubscribe_hash);
