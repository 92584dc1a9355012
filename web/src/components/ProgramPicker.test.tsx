import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { stubGateway } from '@/test/gateway';
import { renderWithProviders } from '@/test/render';
import { ProgramPicker } from './ProgramPicker';

afterEach(() => vi.unstubAllGlobals());

const kPrograms = [
  { id: '1', name: 'Storage Rebate 2026' },
  { id: '2', name: 'Storage SPIF Q3' },
  { id: '3', name: 'Networking Growth' },
];

// ListPrograms filtering by name as the server does, and GetProgram.
function programsGateway({ more = false } = {}) {
  return stubGateway({
    'GET /v1/programs': (call) => {
      const name = String(call.params.nameContains ?? '').toLowerCase();
      return { body: { programs: kPrograms.filter((p) => p.name.toLowerCase().includes(name)), nextPageToken: more ? 'next' : '' } };
    },
    'GET /v1/programs/9': { body: { id: '9', name: 'Closed Program 2019' } },
  });
}

const optionTexts = () => within(screen.getByRole('combobox', { name: 'Program' })).getAllByRole('option').map((o) => o.textContent);

describe('ProgramPicker', () => {
  it('lists the first matches the server sends, "all" first', async () => {
    const calls = programsGateway();
    renderWithProviders(<ProgramPicker id="p" label="Program" value="" onChange={() => {}} emptyLabel="All programs" />);
    await waitFor(() => expect(optionTexts()).toEqual(['All programs', 'Storage Rebate 2026', 'Storage SPIF Q3', 'Networking Growth']));
    expect(calls[0]!.params).toEqual({ pageSize: '50' });
  });

  it('sends the search to the server as nameContains and shows what it answers', async () => {
    const calls = programsGateway();
    renderWithProviders(<ProgramPicker id="p" label="Program" value="" onChange={() => {}} emptyLabel="All programs" />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search programs for “Program”' }), 'storage');
    await waitFor(() => expect(optionTexts()).toEqual(['All programs', 'Storage Rebate 2026', 'Storage SPIF Q3']));
    expect(calls.at(-1)!.params).toEqual({ nameContains: 'storage', pageSize: '50' });
    // Once typing pauses: no request per keystroke.
    expect(calls.filter((c) => c.params.nameContains)).toHaveLength(1);
  });

  it('passes the chosen program on', async () => {
    programsGateway();
    const onChange = vi.fn();
    renderWithProviders(<ProgramPicker id="p" label="Program" value="" onChange={onChange} emptyLabel="All programs" />);
    await screen.findByRole('option', { name: 'Networking Growth' });
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Program' }), '3');
    expect(onChange).toHaveBeenCalledWith('3');
  });

  it('names the chosen program when the matches do not include it', async () => {
    const calls = programsGateway();
    renderWithProviders(<ProgramPicker id="p" label="Program" value="9" onChange={() => {}} emptyLabel="All programs" />);
    await screen.findByRole('option', { name: 'Closed Program 2019' });
    expect(screen.getByRole('combobox', { name: 'Program' })).toHaveValue('9');
    expect(calls.map((c) => c.url)).toContain('/v1/programs/9');
  });

  it('says when more match than it shows', async () => {
    programsGateway({ more: true });
    renderWithProviders(<ProgramPicker id="p" label="Program" value="" onChange={() => {}} emptyLabel="All programs" />);
    const more = await screen.findByRole('option', { name: 'More match than shown: search to narrow the list.' });
    expect(more).toBeDisabled();
  });

  it('asks only for programs in the status it is given', async () => {
    const calls = programsGateway();
    renderWithProviders(<ProgramPicker id="p" label="Program" value="" onChange={() => {}} emptyLabel="All programs" status="PROGRAM_STATUS_ACTIVE" />);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.params).toEqual({ status: 'PROGRAM_STATUS_ACTIVE', pageSize: '50' });
  });
});
