import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@/test/render';
import { AuditDiff } from './AuditDiff';

describe('AuditDiff', () => {
  it('shows each changed field as old → new and the raw JSON on demand', async () => {
    const before = '{"id":62,"status":1,"payment_reference":"","version":1,"total":"440.00"}';
    const after = '{"id":62,"status":2,"payment_reference":"SEPA-2026-Q4-62","version":2,"total":"440.00"}';
    renderWithProviders(<AuditDiff id="5" beforeJson={before} afterJson={after} />);
    expect(screen.getByText('3 fields changed, 2 unchanged.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Changed fields' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['status1→ 2', 'payment_reference""→ SEPA-2026-Q4-62', 'version1→ 2']);
    // Unchanged fields are not listed.
    expect(within(table).queryByText('total')).not.toBeInTheDocument();
    const raw = screen.getByText('Raw JSON');
    await userEvent.setup().click(raw);
    expect(raw.closest('details')).toHaveAttribute('open');
    expect(screen.getByText(/"payment_reference": "SEPA-2026-Q4-62"/)).toBeInTheDocument();
  });

  it('shows a create as the fields it was created with', () => {
    renderWithProviders(<AuditDiff id="6" beforeJson="" afterJson='{"id":17,"user_id":1}' />);
    expect(screen.getByText('Created with these fields.')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Before' })).not.toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'user_id' })).toBeInTheDocument();
    expect(screen.getByText('(did not exist)')).toBeInTheDocument();
  });
});
