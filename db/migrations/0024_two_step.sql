-- Two-step sign-in: a person's authenticator-app secret (sealed with the server's secrets key,
-- never in clear) and their single-use recovery codes (hashed). A sign-in refused for its code
-- after the right password is recorded with sign_ins.outcome 4 (cim.v1.SignInOutcome
-- CODE_REFUSED). Safe to re-run.

-- One row per person who set two-step sign-in up or is setting it up: `secret_sealed` and
-- `enabled_at` once confirmed with a code, `pending_secret_sealed` while a new secret waits for
-- its first code. `last_step` is the 30-second step of the last code accepted: a code is good
-- once.
CREATE TABLE IF NOT EXISTS two_step (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  secret_sealed VARCHAR(200) NULL,
  enabled_at DATETIME NULL,
  last_step BIGINT NOT NULL DEFAULT 0,
  pending_secret_sealed VARCHAR(200) NULL,
  pending_since DATETIME NULL,
  UNIQUE KEY uq_two_step_user (user_id),
  CONSTRAINT fk_two_step_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

-- Recovery codes (SHA-256 of the code), each usable once.
CREATE TABLE IF NOT EXISTS recovery_codes (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  code_hash CHAR(64) NOT NULL,
  created_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  UNIQUE KEY uq_recovery_codes (user_id, code_hash),
  CONSTRAINT fk_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;
