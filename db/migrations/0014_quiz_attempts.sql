-- Issue 7: failed portal-quiz attempts, so that a quiz cannot be solved by trying answers until
-- one passes (a user gets a few failed attempts per module in a rolling day). Passed attempts
-- are completions (training_completions). Safe to re-run.
CREATE TABLE IF NOT EXISTS training_quiz_failures (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  module_id BIGINT NOT NULL,
  quiz_score INT NOT NULL,
  attempted_at DATETIME NOT NULL,
  KEY idx_training_quiz_failures_user (user_id, module_id, attempted_at),
  CONSTRAINT fk_training_quiz_failures_module FOREIGN KEY (module_id)
    REFERENCES training_modules (id)
) ENGINE=InnoDB;
