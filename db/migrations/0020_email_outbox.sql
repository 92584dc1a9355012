-- The email outbox: an email is queued in the transaction of the event it tells of and sent by
-- whichever server leases it (status 1 with lease_owner and lease_until) when it is due; each
-- attempt is counted, a failed one comes back at next_attempt_at, and an email refused for good
-- or out of attempts is kept as failed (3) with the relay's reply. All times are UTC. Safe to
-- re-run.

CREATE TABLE IF NOT EXISTS email_outbox (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  -- The person it is for (0: not a user) and what it is about (a notification category).
  user_id BIGINT NOT NULL,
  category SMALLINT NOT NULL,
  -- Unique per email: queueing the same email again changes nothing.
  dedupe_key VARCHAR(190) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  to_address VARCHAR(254) NOT NULL,
  to_name VARCHAR(200) NOT NULL,
  subject VARCHAR(400) NOT NULL,
  text_body MEDIUMTEXT NOT NULL,
  html_body MEDIUMTEXT NOT NULL,
  unsubscribe_url VARCHAR(1000) NOT NULL,
  -- 0 pending, 1 sending (leased), 2 sent, 3 failed.
  status TINYINT NOT NULL DEFAULT 0,
  attempts INT NOT NULL DEFAULT 0,
  next_attempt_at DATETIME(6) NOT NULL,
  lease_owner VARCHAR(100) NULL,
  lease_until DATETIME(6) NULL,
  last_error VARCHAR(1000) NOT NULL DEFAULT '',
  created_at DATETIME(6) NOT NULL,
  sent_at DATETIME(6) NULL,
  UNIQUE KEY uq_email_outbox_dedupe (dedupe_key),
  KEY idx_email_outbox_due (status, next_attempt_at),
  KEY idx_email_outbox_user (user_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
