import { describe, expect, it } from 'vitest';
import type { TrainingModule } from '@/lib/api/schema';
import { emptyModuleDraft, moduleDraftFrom, toTrainingModule, toTrainingModuleUpdate, type ModuleDraft } from './module-draft';

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

const quizModule: TrainingModule = {
  id: '7',
  title: 'Wi-Fi basics',
  description: 'Bands and VLANs',
  durationMinutes: 20,
  points: '25',
  certificationCode: '',
  certificationValidMonths: 0,
  passMark: 50,
  quizQuestions: [
    { prompt: 'Furthest band?', options: ['2.4 GHz', '5 GHz'], correctOptions: [0] },
    { prompt: 'Which separate traffic?', options: ['VLANs', 'Hubs', 'ACLs'], correctOptions: [0, 2] },
  ],
  archived: false,
  etag: '3',
};

const certifying: TrainingModule = {
  id: '8',
  title: 'Storage expert',
  description: '',
  durationMinutes: 90,
  points: '0',
  certificationCode: 'storage-expert',
  certificationValidMonths: 24,
  passMark: 80,
  quizQuestions: [],
  etag: '1',
};

describe('moduleDraftFrom', () => {
  it('prefills the form with the module as stored, its quiz and correct answers included', () => {
    expect(moduleDraftFrom(quizModule)).toEqual({
      title: 'Wi-Fi basics',
      description: 'Bands and VLANs',
      durationMinutes: '20',
      points: '25',
      certified: false,
      certificationCode: '',
      certificationValidMonths: '24',
      quiz: 'portal',
      passMark: '50',
      questions: [
        { prompt: 'Furthest band?', options: ['2.4 GHz', '5 GHz'], correct: [0] },
        { prompt: 'Which separate traffic?', options: ['VLANs', 'Hubs', 'ACLs'], correct: [0, 2] },
      ],
    });
  });

  it('shows no points as empty, and a certification with its code and validity and an LMS quiz', () => {
    expect(moduleDraftFrom(certifying)).toMatchObject({
      points: '',
      certified: true,
      certificationCode: 'storage-expert',
      certificationValidMonths: '24',
      quiz: 'lms',
      passMark: '80',
      questions: [],
    });
  });

  it('does not share the quiz arrays with the module it came from', () => {
    const draft = moduleDraftFrom(quizModule);
    draft.questions[0]!.options.push('6 GHz');
    draft.questions[0]!.correct.push(1);
    expect(quizModule.quizQuestions?.[0]).toEqual({ prompt: 'Furthest band?', options: ['2.4 GHz', '5 GHz'], correctOptions: [0] });
  });
});

describe('toTrainingModuleUpdate', () => {
  it('names no field when nothing changed', () => {
    expect(toTrainingModuleUpdate(quizModule, moduleDraftFrom(quizModule)).mask).toEqual([]);
    expect(toTrainingModuleUpdate(certifying, moduleDraftFrom(certifying)).mask).toEqual([]);
  });

  it('names exactly the fields that changed, with their new values', () => {
    const draft = moduleDraftFrom(quizModule);
    const { module, mask, errors } = toTrainingModuleUpdate(quizModule, { ...draft, points: '40', title: 'Wi-Fi 7 basics ' });
    expect(errors).toEqual({});
    expect(mask).toEqual(['title', 'points']);
    expect(module).toMatchObject({ title: 'Wi-Fi 7 basics', points: '40' });
  });

  it('replaces the quiz as a whole, and clears it with its pass mark', () => {
    const draft = moduleDraftFrom(quizModule);
    const edited = { ...draft, questions: [draft.questions[0]!, { prompt: 'Tape?', options: ['Fast', 'Cheap'], correct: [1] }] };
    const replaced = toTrainingModuleUpdate(quizModule, edited);
    expect(replaced.mask).toEqual(['quiz_questions']);
    expect(replaced.module.quizQuestions).toHaveLength(2);
    expect(toTrainingModuleUpdate(quizModule, { ...draft, quiz: 'none' })).toMatchObject({
      mask: ['pass_mark', 'quiz_questions'],
      module: { passMark: 0, quizQuestions: [] },
    });
  });

  it('sends a new validity but never another certification code', () => {
    const draft = moduleDraftFrom(certifying);
    const { module, mask } = toTrainingModuleUpdate(certifying, { ...draft, certificationValidMonths: '12', certificationCode: 'other', certified: false });
    expect(mask).toEqual(['certification_valid_months']);
    expect(module).toMatchObject({ certificationCode: 'storage-expert', certificationValidMonths: 12 });
  });

  it('reports text that is not a whole number under the server\'s field path', () => {
    expect(toTrainingModuleUpdate(quizModule, { ...moduleDraftFrom(quizModule), durationMinutes: 'soon' }).errors).toEqual({
      'training_module.duration_minutes': 'Enter a whole number',
    });
  });
});
