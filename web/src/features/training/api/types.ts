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
