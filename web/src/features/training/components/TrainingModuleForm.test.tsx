import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TrainingModule } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { TrainingModuleForm } from './TrainingSetupPage';

const certifying: TrainingModule = {
  id: '8',
  title: 'Storage expert',
  description: 'Arrays',
  durationMinutes: 90,
  points: '100',
  certificationCode: 'storage-expert',
  certificationValidMonths: 24,
  passMark: 80,
  quizQuestions: [],
  archived: false,
  etag: '4',
};

let calls: Array<{ url: string; method: string; body: unknown }>;

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const body: unknown = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ url, method: init?.method ?? 'GET', body });
      return new Response(JSON.stringify({ ...certifying, ...(body as object), etag: '5' }), { status: 200 });
    }),
  );
});

describe('TrainingModuleForm editing a module', () => {
  it('is prefilled, says what an edit does to completions made, and keeps the certification code read-only', () => {
    renderWithProviders(<TrainingModuleForm module={certifying} onDone={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Edit Storage expert' })).toBeInTheDocument();
    expect(screen.getByText(/Completions already made keep their points and certifications/)).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Storage expert');
    expect(screen.getByLabelText('Points for the first completion')).toHaveValue('100');
    expect(screen.getByLabelText('Valid for (months)')).toHaveValue('24');
    expect(screen.getByLabelText('Certification code')).toHaveValue('storage-expert');
    expect(screen.getByLabelText('Certification code')).toHaveAttribute('readonly');
    expect(screen.queryByLabelText('Grants a certification')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Quiz in the LMS, which records completions')).toBeChecked();
  });

  it('sends only the changed fields with the etag it started from', async () => {
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<TrainingModuleForm module={certifying} onDone={onDone} />);
    await user.clear(screen.getByLabelText('Points for the first completion'));
    await user.type(screen.getByLabelText('Points for the first completion'), '150');
    await user.clear(screen.getByLabelText('Valid for (months)'));
    await user.type(screen.getByLabelText('Valid for (months)'), '12');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.url).toBe('/v1/training-modules/8?updateMask=points%2CcertificationValidMonths');
    expect(patch.body).toMatchObject({ id: '8', etag: '4', points: '150', certificationValidMonths: 12, certificationCode: 'storage-expert' });
  });

  it('sends nothing when nothing changed', async () => {
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<TrainingModuleForm module={certifying} onDone={onDone} />);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(onDone).toHaveBeenCalled();
    expect(calls).toEqual([]);
  });
});
