// Labels of partner enum values (English; translated where shown).
import type { Known, PartnerStatus } from '@/lib/api/enums';

export const PARTNER_STATUS_LABELS: Record<Known<PartnerStatus>, string> = {
  PARTNER_STATUS_ACTIVE: 'Active',
  PARTNER_STATUS_SUSPENDED: 'Suspended',
};
