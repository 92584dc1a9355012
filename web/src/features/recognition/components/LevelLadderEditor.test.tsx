import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@/test/render';
import { LevelLadderEditor } from './LevelLadderEditor';
import { ladderRequest, validateLadder } from './ladder';

const levels = [
  { rank: 1, name: 'Explorer', minPoints: '0' },
  { rank: 2, name: 'Bronze', minPoints: '250' },
  { rank: 3, name: 'Silver', minPoints: '1000' },
];

// Typing is slow on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as { levels: Array<{ name: string; minPoints: string }> };
    return new Response(JSON.stringify({ levels: body.levels.map((l, i) => ({ ...l, rank: i + 1 })) }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
});

const row = (rank: number) => screen.getByRole('listitem', { name: `Level ${rank}` });

describe('level ladder', () => {
  it('validates names, whole points, a start at 0 and rising thresholds', () => {
    const rows = [
      { key: 'a', name: 'Explorer', minPoints: '10' },
      { key: 'b', name: 'explorer ', minPoints: '5' },
      { key: 'c', name: '', minPoints: '1.5' },
    ];
    expect(validateLadder(rows)).toEqual({
      'levels[0].min_points': 'The first level starts at 0 points',
      'levels[1].name': 'Another level has this name',
      'levels[1].min_points': 'Higher than the level above',
      'levels[2].name': 'Required',
      'levels[2].min_points': 'Whole points, 0 or more',
    });
    expect(validateLadder([])).toEqual({ levels: 'Give 1 to 20 levels' });
    expect(ladderRequest([{ key: 'a', name: ' Gold ', minPoints: '0100' }])).toEqual([{ name: 'Gold', minPoints: '100' }]);
  });

  it('adds a level and saves the whole ladder with PUT /v1/levels', async () => {
    renderWithProviders(<LevelLadderEditor levels={levels} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add a level' }));
    await user.type(within(row(4)).getByLabelText('Level name'), 'Gold');
    await user.type(within(row(4)).getByLabelText('From lifetime points'), '2500');
    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/v1/levels');
    expect((init as RequestInit).method).toBe('PUT');
    expect(JSON.parse((init as RequestInit).body as string)).toEqual({
      levels: [
        { name: 'Explorer', minPoints: '0' },
        { name: 'Bronze', minPoints: '250' },
        { name: 'Silver', minPoints: '1000' },
        { name: 'Gold', minPoints: '2500' },
      ],
    });
  });

  it('reorders and removes levels, and refuses a ladder out of order', async () => {
    renderWithProviders(<LevelLadderEditor levels={levels} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Move Silver up' }));
    expect(within(row(2)).getByLabelText('Level name')).toHaveValue('Silver');
    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(within(row(3)).getByLabelText('From lifetime points')).toHaveAccessibleDescription('Higher than the level above');
    await user.click(screen.getByRole('button', { name: 'Remove Bronze' }));
    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(JSON.parse((fetchMock.mock.calls[0]![1] as RequestInit).body as string)).toEqual({
      levels: [
        { name: 'Explorer', minPoints: '0' },
        { name: 'Silver', minPoints: '1000' },
      ],
    });
  });

  it("shows the server's violations on the level they name", async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(
        JSON.stringify({
          code: 3,
          message: 'invalid request',
          details: [{ fieldViolations: [{ field: 'levels[1].name', description: 'another level has this name' }] }],
        }),
        { status: 400 },
      ),
    );
    renderWithProviders(<LevelLadderEditor levels={levels} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Save ladder' }));
    expect(await within(row(2)).findByText('another level has this name')).toBeInTheDocument();
    expect(within(row(2)).getByLabelText('Level name')).toHaveAttribute('aria-invalid', 'true');
  });
});
