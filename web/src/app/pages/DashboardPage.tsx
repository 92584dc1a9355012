import { DashboardPage as Dashboard } from '@/features/dashboard/components/DashboardPage';
import { SurveyPrompt } from '@/features/engagement/components/SurveyPrompt';

// The partner's home: the dashboard, with a survey they have not answered yet on top.
export default function DashboardPage() {
  return <Dashboard prompt={<SurveyPrompt />} />;
}
