import type { NewTrainingModule } from '../api/training';
import { parseWholeInput } from '@/lib/decimal-input';

export interface QuestionDraft {
  prompt: string;
  options: string[];
  // Indexes of the correct options.
  correct: number[];
}

// The create form's state, text as typed.
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
