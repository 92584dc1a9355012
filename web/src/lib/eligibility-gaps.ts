// What keeps a partner from a program or a catalog item, in the reader's language: each gap the
// server found, as a reason and the step that would change it. The server sends its own sentences
// (in the reader's language, for API users); the portal builds richer ones from the gap's kind
// and values, with its labels for partner types.
import type { TFunction } from 'i18next';
import { labelOf, type PartnerType } from '@/lib/api/enums';
import type { EligibilityGap } from '@/lib/api/schema';
import { PARTNER_TYPE_LABELS } from '@/lib/labels';

export interface GapText {
  reason: string;
  step: string;
}

// The API names partner types in lower case ("reseller"); the labels are keyed by enum value.
function typeLabel(name: string, t: TFunction): string {
  const label = labelOf(PARTNER_TYPE_LABELS, `PARTNER_TYPE_${name.toUpperCase()}` as PartnerType);
  return label ? t(label) : name;
}

function list(values: string[] | undefined, t: TFunction): string {
  return (values ?? []).join(` ${t('or')} `);
}

export function gapText(gap: EligibilityGap, t: TFunction): GapText {
  switch (gap.kind) {
    case 'ELIGIBILITY_GAP_KIND_PARTNER_STATUS':
      return { reason: t('Your partner account is suspended.'), step: t('Ask your channel manager to reactivate it.') };
    case 'ELIGIBILITY_GAP_KIND_PARTNER_TYPE':
      return {
        reason: t('Open to {{allowed}} partners; you are a {{current}}.', {
          allowed: (gap.allowed ?? []).map((a) => typeLabel(a, t)).join(` ${t('or')} `),
          current: typeLabel(gap.current ?? '', t),
        }),
        step: t('Ask your channel manager about similar programs for your partner type.'),
      };
    case 'ELIGIBILITY_GAP_KIND_TIER':
      return {
        reason: t('Open to tier {{allowed}}; you are {{current}}.', { allowed: list(gap.allowed, t), current: gap.current ?? '' }),
        step: t('Reach tier {{allowed}}: see your tier card for what it takes.', { allowed: list(gap.allowed, t) }),
      };
    case 'ELIGIBILITY_GAP_KIND_REGION':
      return {
        reason: t('Open to partners in {{allowed}}; you are in {{current}}.', { allowed: list(gap.allowed, t), current: gap.current ?? '' }),
        step: t('Ask your channel manager about programs in your region.'),
      };
    case 'ELIGIBILITY_GAP_KIND_NAMED_PARTNERS':
      return { reason: t('Open to named partners only.'), step: t('Ask your channel manager to include your partner.') };
    case 'ELIGIBILITY_GAP_KIND_CERTIFICATION':
      return {
        reason: t('Needs at least one user certified in {{code}}.', { code: gap.certificationCode ?? '' }),
        step: t('Have a user complete the {{code}} training (see Training).', { code: gap.certificationCode ?? '' }),
      };
    default:
      return { reason: gap.reason ?? '', step: gap.nextStep ?? '' };
  }
}
