// Labels of program cost categories (English; translated where shown).
import type { Known, ProgramCostCategory } from '@/lib/api/enums';

export const COST_CATEGORY_LABELS: Record<Known<ProgramCostCategory>, string> = {
  PROGRAM_COST_CATEGORY_ADMIN: 'Administration',
  PROGRAM_COST_CATEGORY_TRAINING: 'Training',
  PROGRAM_COST_CATEGORY_MARKETING: 'Marketing',
};
