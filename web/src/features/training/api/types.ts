export interface TrainingModule {
  id: string;
  title: string;
  description: string;
  durationMinutes: number;
  points: string;
  certificationCode: string;
  certificationValidMonths: number;
  passMark: number;
  createTime?: string;
  // The portal quiz; correctOptions only reach program admins.
  quizQuestions?: QuizQuestion[];
  // When the signed-in user last completed the module.
  myLastCompletionTime?: string;
}

export interface QuizQuestion {
  prompt: string;
  options: string[];
  correctOptions?: number[];
}

// Where a module's quiz is taken: none, in the portal (graded by the server), or in the LMS.
export function quizKind(module: Pick<TrainingModule, 'passMark' | 'quizQuestions'>): 'none' | 'portal' | 'lms' {
  if (module.passMark <= 0) return 'none';
  return (module.quizQuestions?.length ?? 0) > 0 ? 'portal' : 'lms';
}

export interface Certification {
  userId: string;
  partnerId: string;
  certificationCode: string;
  moduleId: string;
  earnTime: string;
  expireTime: string;
  userDisplayName: string;
}

export interface TrainingCompletion {
  id: string;
  moduleId: string;
  userId: string;
  quizScore: number;
  pointsAwarded: string;
  firstCompletion: boolean;
  completeTime: string;
  certification?: Certification;
}
