import type { TrainingModule } from '@/lib/api/schema';
import { parseWholeInput } from '@/lib/decimal-input';
import { quizKind } from '../api/quiz-kind';
import type { NewTrainingModule, TrainingModulePath } from '../api/training';

export interface QuestionDraft {
  prompt: string;
  options: string[];
  // Indexes of the correct options.
  correct: number[];
}

// The module form's state (creating or editing), text as typed.
export interface ModuleDraft {
  title: string;
  description: string;
  durationMinutes: string;
  points: string;
  certified: boolean;
  certificationCode: string;
  certificationValidMonths: string;
  // Where the quiz is taken: none, in the portal (questions below), or in the LMS.
  quiz: 'none' | 'portal' | 'lms';
  passMark: string;
  questions: QuestionDraft[];
}

export const emptyQuestion = (): QuestionDraft => ({ prompt: '', options: ['', ''], correct: [] });

export const emptyModuleDraft: ModuleDraft = {
  title: '',
  description: '',
  durationMinutes: '30',
  points: '',
  certified: false,
  certificationCode: '',
  certificationValidMonths: '24',
  quiz: 'none',
  passMark: '80',
  questions: [],
};

// Int32 fields must be JSON numbers: text that is not a whole number is reported here under the
// server's field path; the rest (quiz questions included) the server validates.
export function toTrainingModule(d: ModuleDraft): { module: NewTrainingModule; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (text: string, field: string) => {
    const digits = parseWholeInput(text);
    if (digits === null || digits.length > 9) {
      errors[`training_module.${field}`] = 'Enter a whole number';
      return 0;
    }
    return Number(digits);
  };
  const module: NewTrainingModule = {
    title: d.title.trim(),
    description: d.description.trim(),
    durationMinutes: whole(d.durationMinutes, 'duration_minutes'),
    points: d.points.trim() || '0',
    certificationCode: d.certified ? d.certificationCode.trim() : '',
    certificationValidMonths: d.certified ? whole(d.certificationValidMonths, 'certification_valid_months') : 0,
    passMark: d.quiz === 'none' ? 0 : whole(d.passMark, 'pass_mark'),
    quizQuestions:
      d.quiz === 'portal'
        ? d.questions.map((q) => ({ prompt: q.prompt.trim(), options: q.options.map((o) => o.trim()), correctOptions: [...q.correct].sort((a, b) => a - b) }))
        : [],
  };
  return { module, errors };
}

// The form prefilled with `module` as stored, its quiz with the correct answers included (program
// admins read them). Fields the module does not use keep the create form's defaults, so that
// switching a quiz on starts from them.
export function moduleDraftFrom(module: TrainingModule): ModuleDraft {
  const certified = Boolean(module.certificationCode);
  const quiz = quizKind(module);
  return {
    title: module.title ?? '',
    description: module.description ?? '',
    durationMinutes: String(module.durationMinutes ?? ''),
    points: module.points && module.points !== '0' ? module.points : '',
    certified,
    certificationCode: module.certificationCode ?? '',
    certificationValidMonths: certified ? String(module.certificationValidMonths ?? '') : emptyModuleDraft.certificationValidMonths,
    quiz,
    passMark: quiz === 'none' ? emptyModuleDraft.passMark : String(module.passMark ?? ''),
    questions: (module.quizQuestions ?? []).map((q) => ({ prompt: q.prompt ?? '', options: [...(q.options ?? [])], correct: [...(q.correctOptions ?? [])] })),
  };
}

// The fields an edit of `original` into `draft` changes, as UpdateTrainingModule's paths, with
// the module to send and the draft's own errors (as toTrainingModule). The certification code is
// never among them: the certification a module grants never changes.
export function toTrainingModuleUpdate(
  original: TrainingModule,
  draft: ModuleDraft,
): { module: NewTrainingModule; mask: TrainingModulePath[]; errors: Record<string, string> } {
  const { module, errors } = toTrainingModule({ ...draft, certified: Boolean(original.certificationCode), certificationCode: original.certificationCode ?? '' });
  const before = toTrainingModule(moduleDraftFrom(original)).module;
  const fields: [TrainingModulePath, keyof NewTrainingModule][] = [
    ['title', 'title'],
    ['description', 'description'],
    ['duration_minutes', 'durationMinutes'],
    ['points', 'points'],
    ['pass_mark', 'passMark'],
    ['quiz_questions', 'quizQuestions'],
    ['certification_valid_months', 'certificationValidMonths'],
  ];
  const mask = fields.filter(([, key]) => JSON.stringify(module[key]) !== JSON.stringify(before[key])).map(([path]) => path);
  return { module, mask, errors };
}
