// Labels of what started a tier change (English; translated where shown).
import type { Known, TierChangeTrigger } from '@/lib/api/enums';

export const TIER_TRIGGER_LABELS: Record<Known<TierChangeTrigger>, string> = {
  TIER_CHANGE_TRIGGER_SCHEDULED: 'Daily evaluation',
  TIER_CHANGE_TRIGGER_ON_DEMAND: 'Run by hand',
};
