-- Training modules, their completions and the certifications they grant. All times are UTC.
-- Safe to re-run.

CREATE TABLE IF NOT EXISTS training_modules (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(120) NOT NULL,
  description VARCHAR(2000) NOT NULL,
  duration_minutes INT NOT NULL,
  points DECIMAL(19,4) NOT NULL,
  certification_code VARCHAR(64) NOT NULL,
  certification_valid_months INT NOT NULL,
  -- Percent a completion's quiz needs; 0: no quiz.
  pass_mark INT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uq_training_modules_title (title)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every completion, first or repeat. An LMS's completion id is unique per service account
-- (recorded_by), so repeating it finds the completion already recorded.
CREATE TABLE IF NOT EXISTS training_completions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  module_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  quiz_score INT NOT NULL,
  recorded_by BIGINT NOT NULL,
  -- Compared exactly (an LMS's ids may differ only in case).
  external_completion_id VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NULL,
  points DECIMAL(19,4) NOT NULL,
  first_completion TINYINT NOT NULL,
  certification_code VARCHAR(64) NOT NULL,
  certification_expires_at DATETIME NULL,
  completed_at DATETIME NOT NULL,
  UNIQUE KEY uq_training_completions_external (recorded_by, external_completion_id),
  KEY idx_training_completions_user (user_id, module_id),
  CONSTRAINT fk_training_completions_module FOREIGN KEY (module_id)
    REFERENCES training_modules (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per user and module completed at least once: inserting it decides, under
-- concurrency too, which completion is the first (and so earns the points). Module badges
-- read it.
CREATE TABLE IF NOT EXISTS training_firsts (
  user_id BIGINT NOT NULL,
  module_id BIGINT NOT NULL,
  PRIMARY KEY (user_id, module_id)
) ENGINE=InnoDB;

-- The certifications users hold: each completion of a module with a certification grants it
-- or renews it from the completion on (never shortening it). partner_id is the holder's
-- partner when granted; eligibility and lists count only holders still active there.
CREATE TABLE IF NOT EXISTS certifications (
  user_id BIGINT NOT NULL,
  certification_code VARCHAR(64) NOT NULL,
  partner_id BIGINT NOT NULL,
  module_id BIGINT NOT NULL,
  earned_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  PRIMARY KEY (user_id, certification_code),
  KEY idx_certifications_partner (partner_id, expires_at),
  KEY idx_certifications_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
