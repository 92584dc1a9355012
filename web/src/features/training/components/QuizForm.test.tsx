import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TrainingModule } from '@/lib/api/schema';
import { renderWithProviders } from '@/test/render';
import { QuizForm } from './QuizForm';

const module: TrainingModule = {
  id: '7',
  title: 'Wi-Fi basics',
  description: '',
  durationMinutes: 20,
  points: '25',
  certificationCode: '',
  certificationValidMonths: 0,
  passMark: 100,
  quizQuestions: [
    { prompt: 'Furthest band?', options: ['2.4 GHz', '5 GHz'] },
    { prompt: 'Which separate traffic?', options: ['VLANs', 'Hubs', 'ACLs'] },
  ],
};

let fetchMock: ReturnType<typeof vi.fn>;
const answer = (status: number, body: unknown) => fetchMock.mockResolvedValueOnce(new Response(JSON.stringify(body), { status }));

beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});

describe('QuizForm', () => {
  it('asks for every question before sending anything', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QuizForm module={module} onPassed={vi.fn()} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('checkbox', { name: '5 GHz' }));
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Choose at least one answer']);
    expect(screen.getByRole('group', { name: 'Which separate traffic?' })).toHaveAccessibleDescription('Choose at least one answer');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the selected options per question and reports a score below the pass mark', async () => {
    const user = userEvent.setup();
    const onPassed = vi.fn();
    renderWithProviders(<QuizForm module={module} onPassed={onPassed} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('checkbox', { name: '2.4 GHz' }));
    await user.click(screen.getByRole('checkbox', { name: 'ACLs' }));
    await user.click(screen.getByRole('checkbox', { name: 'VLANs' }));
    answer(400, { code: 9, message: 'a quiz score of 50% is below the pass mark of 100%; try again' });
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/v1/training-modules/7:complete');
    expect(JSON.parse(init.body as string)).toEqual({ quizAnswers: [{ selectedOptions: [0] }, { selectedOptions: [0, 2] }] });
    expect(await screen.findByRole('alert')).toHaveTextContent('You scored 50%; 100% passes. Have another look and try again.');
    expect(onPassed).not.toHaveBeenCalled();

    // The answers stay for another go; a pass hands the completion over.
    await user.click(screen.getByRole('checkbox', { name: 'VLANs' }));
    await user.click(screen.getByRole('checkbox', { name: 'VLANs' }));
    answer(200, { id: '1', moduleId: '7', quizScore: 100, pointsAwarded: '25', firstCompletion: true });
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    await vi.waitFor(() => expect(onPassed.mock.calls[0]?.[0]).toMatchObject({ quizScore: 100, pointsAwarded: '25' }));
    expect(JSON.parse((fetchMock.mock.calls[1] as [string, RequestInit])[1].body as string)).toEqual({
      quizAnswers: [{ selectedOptions: [0] }, { selectedOptions: [0, 2] }],
    });
  });

  it('says when a user who failed three times may try again', async () => {
    const user = userEvent.setup();
    renderWithProviders(<QuizForm module={module} onPassed={vi.fn()} onCancel={vi.fn()} />);
    await user.click(screen.getByRole('checkbox', { name: '2.4 GHz' }));
    await user.click(screen.getByRole('checkbox', { name: 'VLANs' }));
    answer(429, { code: 8, message: '3 failed attempts within 24h: try again after 2026-12-02T09:00:00Z' });
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Three attempts did not pass\. Go through the module again; you can retake the quiz from 2 Dec 2026/,
    );
  });
});

