import { describe, expect, it } from 'vitest';
import type { EligibilityGap } from '@/lib/api/schema';
import i18n from '@/lib/i18n';
import { gapText } from '@/lib/eligibility-gaps';

const en = i18n.getFixedT('en');
const nl = i18n.getFixedT('nl');

describe('gapText', () => {
  const cases: Array<{ gap: EligibilityGap; reason: string; step: string; dutchReason: string }> = [
    {
      gap: { kind: 'ELIGIBILITY_GAP_KIND_PARTNER_TYPE', current: 'reseller', allowed: ['distributor', 'msp'] },
      reason: 'Open to Distributor or MSP partners; you are a Reseller.',
      step: 'Ask your channel manager about similar programs for your partner type.',
      dutchReason: 'Open voor partners van het type Distributeur of MSP; u bent Reseller.',
    },
    {
      gap: { kind: 'ELIGIBILITY_GAP_KIND_TIER', current: 'silver', allowed: ['gold'] },
      reason: 'Open to tier gold; you are silver.',
      step: 'Reach tier gold: see your tier card for what it takes.',
      dutchReason: 'Open voor niveau gold; u bent silver.',
    },
    {
      gap: { kind: 'ELIGIBILITY_GAP_KIND_CERTIFICATION', certificationCode: 'storage-expert' },
      reason: 'Needs at least one user certified in storage-expert.',
      step: 'Have a user complete the storage-expert training (see Training).',
      dutchReason: 'Vereist minstens één gebruiker met certificering storage-expert.',
    },
    {
      gap: { kind: 'ELIGIBILITY_GAP_KIND_NAMED_PARTNERS' },
      reason: 'Open to named partners only.',
      step: 'Ask your channel manager to include your partner.',
      dutchReason: 'Alleen open voor genoemde partners.',
    },
  ];
  it.each(cases)('$gap.kind in English and Dutch', ({ gap, reason, step, dutchReason }) => {
    expect(gapText(gap, en)).toEqual({ reason, step });
    expect(gapText(gap, nl).reason).toBe(dutchReason);
  });

  it('falls back to the server’s sentences for a kind it does not know', () => {
    expect(
      gapText({ kind: 'ELIGIBILITY_GAP_KIND_UNSPECIFIED', reason: 'something new', nextStep: 'do this' }, en),
    ).toEqual({ reason: 'something new', step: 'do this' });
  });
});
