import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Leaderboard, TrainingModule } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { BadgeForm } from './BadgeForm';
import { criteriaFromDraft, emptyCriteriaDraft } from './criteria-draft';

const boards: Leaderboard[] = [
  { id: '1', name: 'Points this month', programId: '0', metric: 'RECOGNITION_METRIC_POINTS', currencyCode: '', scope: 'LEADERBOARD_SCOPE_INDIVIDUAL', period: 'LEADERBOARD_PERIOD_MONTH' },
  { id: '2', name: 'All-time points', programId: '0', metric: 'RECOGNITION_METRIC_POINTS', currencyCode: '', scope: 'LEADERBOARD_SCOPE_INDIVIDUAL', period: 'LEADERBOARD_PERIOD_ALL_TIME' },
  { id: '3', name: 'Partner points', programId: '0', metric: 'RECOGNITION_METRIC_POINTS', currencyCode: '', scope: 'LEADERBOARD_SCOPE_PARTNER', period: 'LEADERBOARD_PERIOD_QUARTER' },
];
const modules = [{ id: '7', title: 'Storage fundamentals' }] as TrainingModule[];

// Typing is slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

let fetchMock: ReturnType<typeof vi.fn>;
const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

function renderForm() {
  renderWithProviders(<BadgeForm knownImages={['/badges/first-deal.svg']} leaderboards={boards} modules={modules} challenges={[]} onDone={() => {}} />);
  return userEvent.setup();
}

function sentBody(): unknown {
  const [, init] = fetchMock.mock.calls.at(-1)!;
  return JSON.parse((init as RequestInit).body as string);
}

beforeEach(() => {
  fetchMock = vi.fn(async () => answer(200, { id: '99', name: 'Console test badge', criteria: {} }));
  vi.stubGlobal('fetch', fetchMock);
});

describe('badge criteria', () => {
  it('builds the JSON of each criterion kind', () => {
    const d = { ...emptyCriteriaDraft };
    expect(criteriaFromDraft({ ...d, count: ' 10 ' }).criteria).toEqual({ eventCount: { event: 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED', count: '10' } });
    expect(criteriaFromDraft({ ...d, kind: 'periodSum', metric: 'RECOGNITION_METRIC_POINTS', currencyCode: 'EUR', period: 'PROGRAM_PERIOD_MONTH', threshold: '500' }).criteria).toEqual({
      periodSum: { metric: 'RECOGNITION_METRIC_POINTS', currencyCode: '', period: 'PROGRAM_PERIOD_MONTH', threshold: '500' },
    });
    expect(criteriaFromDraft({ ...d, kind: 'streak', streakEvent: 'RECOGNITION_EVENT_KIND_KUDOS_RECEIVED', months: '6' }).criteria).toEqual({
      streak: { event: 'RECOGNITION_EVENT_KIND_KUDOS_RECEIVED', months: 6 },
    });
    expect(criteriaFromDraft({ ...d, kind: 'moduleCompleted' }).criteria).toEqual({ moduleCompleted: { moduleId: '0' } });
    expect(criteriaFromDraft({ ...d, kind: 'placement', top: 'ten' }).errors).toEqual({ 'badge.criteria.placement.top': 'Enter a whole number' });
  });

  it('sends a period-sum badge with an exact threshold', async () => {
    const user = renderForm();
    await user.type(screen.getByLabelText('Name'), 'Console test quarter hero');
    await user.type(screen.getByLabelText('Image'), '/badges/first-deal.svg');
    await user.selectOptions(screen.getByLabelText('Earned for'), 'periodSum');
    await user.clear(screen.getByLabelText('Currency'));
    await user.type(screen.getByLabelText('Currency'), 'usd');
    await user.type(screen.getByLabelText('Sales of at least'), '250,000.50');
    await user.click(screen.getByRole('button', { name: 'Create badge' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/v1/badges');
    expect(sentBody()).toEqual({
      name: 'Console test quarter hero',
      description: '',
      imageUrl: '/badges/first-deal.svg',
      criteria: { periodSum: { metric: 'RECOGNITION_METRIC_SALES', currencyCode: 'USD', period: 'PROGRAM_PERIOD_QUARTER', threshold: '250000.50' } },
    });
  });

  it('offers only individual boards with periods for placements and sends top as a number', async () => {
    const user = renderForm();
    await user.type(screen.getByLabelText('Name'), 'Console test podium');
    await user.selectOptions(screen.getByLabelText('Earned for'), 'placement');
    const board = screen.getByLabelText('Leaderboard');
    expect([...(board as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Choose…', 'Points this month']);
    await user.selectOptions(board, '1');
    await user.clear(screen.getByLabelText('Finish in the top'));
    await user.type(screen.getByLabelText('Finish in the top'), 'x');
    await user.click(screen.getByRole('button', { name: 'Create badge' }));
    // Not a whole number: caught before sending.
    expect(screen.getByText('Enter a whole number')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    await user.clear(screen.getByLabelText('Finish in the top'));
    await user.type(screen.getByLabelText('Finish in the top'), '3');
    await user.click(screen.getByRole('button', { name: 'Create badge' }));
    expect(sentBody()).toMatchObject({ criteria: { placement: { leaderboardId: '1', top: 3 } } });
  });

  it("shows the server's field violations next to the criterion inputs", async () => {
    fetchMock.mockResolvedValueOnce(
      answer(400, {
        code: 3,
        message: 'invalid request',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [
              { field: 'badge.name', description: 'required' },
              { field: 'badge.criteria.streak.months', description: '2 to 120' },
            ],
          },
        ],
      }),
    );
    const user = renderForm();
    await user.selectOptions(screen.getByLabelText('Earned for'), 'streak');
    await user.clear(screen.getByLabelText('Months in a row'));
    await user.type(screen.getByLabelText('Months in a row'), '1');
    await user.click(screen.getByRole('button', { name: 'Create badge' }));
    expect(sentBody()).toMatchObject({ criteria: { streak: { event: 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED', months: 1 } } });
    const months = screen.getByLabelText('Months in a row');
    expect(months).toHaveAttribute('aria-invalid', 'true');
    expect(months).toHaveAccessibleDescription('2 to 120');
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('required');
  });
});

describe('editing a badge', () => {
  const badge = {
    id: '5',
    etag: '3',
    name: 'Deal maker',
    description: 'Three approved claims.',
    imageUrl: '/badges/deal-maker.svg',
    criteria: { eventCount: { event: 'RECOGNITION_EVENT_KIND_CLAIM_APPROVED' as const, count: '3' } },
  };

  it('sends only the fields changed, at the etag read, and shows what earns it without an editor', async () => {
    renderWithProviders(
      <BadgeForm knownImages={[]} leaderboards={boards} modules={modules} challenges={[]} editing={{ badge, criteriaText: '3 approved claims' }} onDone={() => {}} />,
    );
    const user = userEvent.setup();
    expect(screen.getByLabelText('Name')).toHaveValue('Deal maker');
    expect(screen.getByText('3 approved claims')).toBeInTheDocument();
    expect(screen.queryByLabelText('Earned for')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Deal closer');
    await user.click(screen.getByRole('button', { name: 'Save badge' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/v1/badges/5?updateMask=name');
    expect(init.method).toBe('PATCH');
    expect(sentBody()).toEqual({ id: '5', etag: '3', name: 'Deal closer', description: 'Three approved claims.', imageUrl: '/badges/deal-maker.svg' });
  });
});
