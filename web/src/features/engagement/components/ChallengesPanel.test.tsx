import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Challenge } from '@/lib/api/schema';
import { stubGateway } from '@/test/gateway';
import { renderWithProviders } from '@/test/render';
import { ChallengesPanel } from './ChallengesPanel';

// Typing is slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

// Running since 2020, until 2099.
const running: Challenge = {
  id: '7',
  etag: '3',
  title: 'Sell 20 servers',
  description: '',
  startTime: '2020-01-01T09:00:00Z',
  endTime: '2099-01-01T09:00:00Z',
  programId: '2',
  audience: { partnerTypes: [], regions: ['EMEA-NL'], tiers: [] },
  goal: { kind: 'CHALLENGE_GOAL_KIND_PRODUCT_UNITS', target: '20', currencyCode: '', sku: 'SRV-100' },
  rewardPoints: '500',
  completions: '4',
};

function stub() {
  return stubGateway({
    'GET /v1/challenges': (call) => ({ body: { challenges: call.params.includeArchived ? [running, { ...running, id: '8', title: 'Old one', archived: true }] : [running] } }),
    'GET /v1/programs': { body: { programs: [{ id: '2', name: 'Storage points' }] } },
    'PATCH /v1/challenges/7': (call) => ({ body: { ...running, ...(call.body as Challenge), etag: '4' } }),
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ChallengesPanel', () => {
  it('edits a running challenge with its goal, program, start and audience shown as fixed', async () => {
    const calls = stub();
    renderWithProviders(<ChallengesPanel canEdit />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Sell 20 servers' }));
    expect(screen.getByText('The challenge has started: its goal, audience, program and start are fixed.', { selector: 'form > p' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Sell 20 servers');
    expect(screen.getByLabelText<HTMLInputElement>('Target').readOnly).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>('Goal').disabled).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>('Program').disabled).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Starts').readOnly).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Regions').readOnly).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Reward points').readOnly).toBe(false);

    // Saved unchanged: nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Nothing changed.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);

    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Sell 25 servers');
    await user.clear(screen.getByLabelText('Reward points'));
    await user.type(screen.getByLabelText('Reward points'), '800');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.params.updateMask).toBe('title,rewardPoints');
    expect(patch.body).toMatchObject({ id: '7', etag: '3', title: 'Sell 25 servers', rewardPoints: '800' });
  });

  it('archives, and lists archived ones on request', async () => {
    const calls = stub();
    renderWithProviders(<ChallengesPanel canEdit />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Archive Sell 20 servers' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.params.updateMask).toBe('archived');
    expect(patch.body).toEqual({ id: '7', etag: '3', archived: true });

    expect(screen.queryByText('Old one')).toBeNull();
    await user.click(screen.getByLabelText('Show archived'));
    expect(await screen.findByText('Old one')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Restore Old one' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'GET' && c.url.startsWith('/v1/challenges') && c.params.includeArchived === 'true')).toBe(true);
  });

  it('offers no edits to roles that only read', async () => {
    stub();
    renderWithProviders(<ChallengesPanel canEdit={false} />);
    expect(await screen.findByText('Sell 20 servers')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit Sell 20 servers' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archive Sell 20 servers' })).toBeNull();
  });
});
