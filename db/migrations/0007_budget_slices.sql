-- A program's budget is split over slices so that approvals for different partners draw on
-- different rows instead of queueing on the program row; the sum of the caps is the budget and
-- no slice's drawn may exceed its cap, so the budget as a whole is never overspent. When a
-- slice cannot cover a draw, the server locks every slice and redistributes what remains.
CREATE TABLE IF NOT EXISTS program_budget_slices (
  program_id BIGINT NOT NULL,
  slice SMALLINT NOT NULL,
  cap DECIMAL(19,4) NOT NULL,
  drawn DECIMAL(19,4) NOT NULL DEFAULT 0,
  PRIMARY KEY (program_id, slice),
  CONSTRAINT chk_budget_slices CHECK (drawn >= 0 AND drawn <= cap),
  CONSTRAINT fk_budget_slices_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE=InnoDB;

-- Existing programs keep their budget and what they drew, in one slice.
INSERT IGNORE INTO program_budget_slices (program_id, slice, cap, drawn)
  SELECT id, 0, budget, budget_drawn FROM programs;
ALTER TABLE programs DROP CONSTRAINT IF EXISTS chk_programs_budget;
ALTER TABLE programs DROP COLUMN IF EXISTS budget_drawn;
