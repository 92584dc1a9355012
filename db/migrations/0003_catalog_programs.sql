-- Catalog and programs: products, programs with their rules versions and terms versions, and
-- enrollments. Amounts are DECIMAL(19,4); rules are stored as protobuf JSON (cim.v1.IncentiveRule
-- list) exactly as validated. All times are UTC. Safe to re-run.

CREATE TABLE IF NOT EXISTS products (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  name VARCHAR(200) NOT NULL,
  category VARCHAR(100) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  list_price DECIMAL(19,4) NOT NULL,
  unit_cost DECIMAL(19,4) NOT NULL,
  status TINYINT NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE KEY uq_products_sku (sku),
  KEY idx_products_category (category, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS programs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  objectives TEXT NOT NULL,
  -- protobuf JSON of a cim.v1.Program holding only targets, eligibility and eligible_skus.
  design_json MEDIUMTEXT NOT NULL,
  currency_code CHAR(3) NOT NULL,
  budget DECIMAL(19,4) NOT NULL,
  -- Everything posted or allocated against the budget; never above budget.
  budget_drawn DECIMAL(19,4) NOT NULL DEFAULT 0,
  start_date DATE NOT NULL,
  end_date DATE NOT NULL,
  period TINYINT NOT NULL,
  terms_version INT NOT NULL,
  rules_version INT NOT NULL,
  status TINYINT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  KEY idx_programs_status (status, id),
  CONSTRAINT chk_programs_budget CHECK (budget_drawn >= 0 AND budget_drawn <= budget)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every rules version of every program (a draft's single version is replaced in place).
CREATE TABLE IF NOT EXISTS program_rules_versions (
  program_id BIGINT NOT NULL,
  version INT NOT NULL,
  rules_json MEDIUMTEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (program_id, version),
  CONSTRAINT fk_rules_versions_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every terms text partners were asked to accept.
CREATE TABLE IF NOT EXISTS program_terms_versions (
  program_id BIGINT NOT NULL,
  version INT NOT NULL,
  terms MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (program_id, version),
  CONSTRAINT fk_terms_versions_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS enrollments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  program_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  accepted_terms_version INT NOT NULL,
  accepted_by BIGINT NOT NULL,
  accepted_at DATETIME NOT NULL,
  UNIQUE KEY uq_enrollments_program_partner (program_id, partner_id),
  KEY idx_enrollments_partner (partner_id, id),
  CONSTRAINT fk_enrollments_program FOREIGN KEY (program_id) REFERENCES programs (id),
  CONSTRAINT fk_enrollments_partner FOREIGN KEY (partner_id) REFERENCES partners (id),
  CONSTRAINT fk_enrollments_user FOREIGN KEY (accepted_by) REFERENCES users (id)
) ENGINE=InnoDB;
