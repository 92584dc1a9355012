import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubGateway } from '@/test/gateway';
import { renderWithProviders } from '@/test/render';
import { PartnerSurveyResults } from './PartnerSurveyResults';

afterEach(() => {
  vi.unstubAllGlobals();
});

const open = { id: '4', title: 'Partner pulse', question: 'Recommend us?', openTime: '2020-01-01T00:00:00Z', closeTime: '2099-01-01T00:00:00Z' };
const scheduled = { ...open, id: '5', title: 'Next pulse', openTime: '2099-01-01T00:00:00Z', closeTime: '2099-02-01T00:00:00Z' };

describe('PartnerSurveyResults', () => {
  it("lists the surveys that opened and shows the organisation's results of one", async () => {
    const calls = stubGateway({
      'GET /v1/surveys': { body: { surveys: [scheduled, open] } },
      'GET /v1/surveys/4/results': {
        body: {
          survey: open,
          overall: { group: 'all', responses: '2', promoters: '1', passives: '0', detractors: '1', nps: '0.0' },
          byPartnerType: [],
          byRegion: [],
          comments: [{ score: 10, comment: 'Fast approvals', partnerName: 'Amstel Systems', partnerType: 'PARTNER_TYPE_RESELLER', region: 'EMEA-NL' }],
        },
      },
    });
    renderWithProviders(<PartnerSurveyResults partnerName="Amstel Systems" />);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Survey results for Amstel Systems' })).toBeTruthy();
    expect(screen.queryByText('Next pulse')).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Show results\s*· Partner pulse$/ }));
    expect(await screen.findByText('2 responses')).toBeTruthy();
    expect(screen.getByText('Fast approvals')).toBeTruthy();
    // The server limits a partner admin to their own partner: the portal asks for no other.
    expect(calls.find((c) => c.url.startsWith('/v1/surveys/4/results'))?.params).toEqual({});
  });

  it('shows nothing before any survey opened', async () => {
    const calls = stubGateway({ 'GET /v1/surveys': { body: { surveys: [scheduled] } } });
    const { container } = renderWithProviders(<PartnerSurveyResults partnerName="Amstel Systems" />);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(container.textContent).toBe('');
  });
});
