-- Every terms version each enrolled partner accepted, and who accepted it when: a partner re-accepts
-- when a program publishes new terms, and anyone in the program can see which terms applied to
-- it when. Backfilled from the enrollments' last acceptance. Safe to re-run.
CREATE TABLE IF NOT EXISTS program_terms_acceptances (
  program_id BIGINT NOT NULL,
  partner_id BIGINT NOT NULL,
  terms_version INT NOT NULL,
  accepted_by BIGINT NOT NULL,
  accepted_at DATETIME NOT NULL,
  PRIMARY KEY (program_id, partner_id, terms_version),
  CONSTRAINT fk_terms_acceptances_enrollment FOREIGN KEY (program_id, partner_id)
    REFERENCES enrollments (program_id, partner_id),
  CONSTRAINT fk_terms_acceptances_version FOREIGN KEY (program_id, terms_version)
    REFERENCES program_terms_versions (program_id, version),
  CONSTRAINT fk_terms_acceptances_user FOREIGN KEY (accepted_by) REFERENCES users (id)
) ENGINE=InnoDB;

INSERT IGNORE INTO program_terms_acceptances
  (program_id, partner_id, terms_version, accepted_by, accepted_at)
  SELECT program_id, partner_id, accepted_terms_version, accepted_by, accepted_at FROM enrollments;
