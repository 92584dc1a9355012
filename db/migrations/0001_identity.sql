-- Identity: partners, users, access tokens (sessions and API keys) and login throttling.
-- All times are UTC. Safe to re-run.

CREATE TABLE IF NOT EXISTS partners (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  type TINYINT NOT NULL,
  tier VARCHAR(32) NOT NULL,
  region VARCHAR(32) NOT NULL,
  parent_partner_id BIGINT NULL,
  status TINYINT NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY idx_partners_parent (parent_partner_id),
  KEY idx_partners_region (region),
  CONSTRAINT fk_partners_parent FOREIGN KEY (parent_partner_id) REFERENCES partners (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS users (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(254) NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  role TINYINT NOT NULL,
  partner_id BIGINT NULL,
  status TINYINT NOT NULL,
  -- Argon2id string from libsodium's crypto_pwhash_str; NULL for service accounts.
  password_hash VARCHAR(255) NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  UNIQUE KEY uq_users_email (email),
  KEY idx_users_partner (partner_id, id),
  CONSTRAINT fk_users_partner FOREIGN KEY (partner_id) REFERENCES partners (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Session tokens and API keys, stored only as the SHA-256 of the secret.
CREATE TABLE IF NOT EXISTS access_tokens (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash CHAR(64) NOT NULL,
  user_id BIGINT NOT NULL,
  kind TINYINT NOT NULL COMMENT '1 session, 2 api key',
  description VARCHAR(200) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  revoked_at DATETIME NULL,
  UNIQUE KEY uq_access_tokens_hash (token_hash),
  KEY idx_access_tokens_user (user_id),
  CONSTRAINT fk_access_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;

-- Failed-login counters per normalised email, kept for unknown emails too so that lockout
-- behaviour does not reveal which emails exist.
CREATE TABLE IF NOT EXISTS login_throttle (
  email VARCHAR(254) NOT NULL PRIMARY KEY,
  failures INT NOT NULL,
  last_failure_at DATETIME NOT NULL,
  locked_until DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
