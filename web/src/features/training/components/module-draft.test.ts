import { describe, expect, it } from 'vitest';
import { emptyModuleDraft, toTrainingModule, type ModuleDraft } from './module-draft';

const base: ModuleDraft = { ...emptyModuleDraft, title: ' Wi-Fi basics ', durationMinutes: '20', points: '25' };

describe('toTrainingModule', () => {
  it('sends a portal quiz with its questions and the correct options in order', () => {
    const { module, errors } = toTrainingModule({
      ...base,
      quiz: 'portal',
      passMark: '75',
      questions: [{ prompt: ' Which separate traffic? ', options: ['VLANs ', 'Hubs', 'ACLs'], correct: [2, 0] }],
    });
    expect(errors).toEqual({});
    expect(module).toMatchObject({
      title: 'Wi-Fi basics',
      durationMinutes: 20,
      points: '25',
      passMark: 75,
      quizQuestions: [{ prompt: 'Which separate traffic?', options: ['VLANs', 'Hubs', 'ACLs'], correctOptions: [0, 2] }],
    });
  });

  it('sends an LMS quiz as a pass mark without questions, and no quiz as neither', () => {
    const questions = [{ prompt: 'Q', options: ['a', 'b'], correct: [0] }];
    expect(toTrainingModule({ ...base, quiz: 'lms', passMark: '80', questions }).module).toMatchObject({ passMark: 80, quizQuestions: [] });
    expect(toTrainingModule({ ...base, quiz: 'none', passMark: 'x', questions }).module).toMatchObject({ passMark: 0, quizQuestions: [] });
  });

  it('names a pass mark that is not a whole number', () => {
    expect(toTrainingModule({ ...base, quiz: 'portal', passMark: '7.5' }).errors).toEqual({ 'training_module.pass_mark': 'Enter a whole number' });
  });
});
