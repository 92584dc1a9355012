import type { TrainingModule } from '@/lib/api/schema';

// Where a module's quiz is taken: none, in the portal (graded by the server), or in the LMS.
// The quiz questions' correctOptions only reach program admins.
export function quizKind(module: Pick<TrainingModule, 'passMark' | 'quizQuestions'>): 'none' | 'portal' | 'lms' {
  if ((module.passMark ?? 0) <= 0) return 'none';
  return (module.quizQuestions?.length ?? 0) > 0 ? 'portal' : 'lms';
}
