-- Account security: where each session was signed in from, every sign-in attempt, and
-- single-use password reset links. Secrets are stored only as their SHA-256. Safe to re-run.

-- The address (as the gateway forwarded it) and browser a session was signed in with.
ALTER TABLE access_tokens
  ADD COLUMN IF NOT EXISTS address VARCHAR(200) NOT NULL DEFAULT '' AFTER description,
  ADD COLUMN IF NOT EXISTS agent VARCHAR(300) NOT NULL DEFAULT '' AFTER address,
  ADD KEY IF NOT EXISTS idx_access_tokens_sessions (user_id, kind, expires_at);

-- Every sign-in attempt: the user when the email is one (NULL otherwise), the outcome
-- (cim.v1.SignInOutcome: 1 signed in, 2 refused, 3 locked out), where from and when.
CREATE TABLE IF NOT EXISTS sign_ins (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NULL,
  email VARCHAR(254) NOT NULL,
  outcome TINYINT NOT NULL,
  address VARCHAR(200) NOT NULL,
  agent VARCHAR(300) NOT NULL,
  created_at DATETIME NOT NULL,
  KEY idx_sign_ins_user (user_id, id),
  KEY idx_sign_ins_email (email, id),
  CONSTRAINT fk_sign_ins_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A link that sets a password (purpose 1: a reset, 2: an invitation): usable once (used_at),
-- until expires_at.
CREATE TABLE IF NOT EXISTS password_resets (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  purpose TINYINT NOT NULL,
  token_hash CHAR(64) NOT NULL,
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  UNIQUE KEY uq_password_resets_hash (token_hash),
  KEY idx_password_resets_user (user_id, created_at),
  CONSTRAINT fk_password_resets_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;
