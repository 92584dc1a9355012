import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteError } from '@/components/RouteError';
import { Loading } from '@/components/Status';
import type { Role } from '@/lib/api/enums';
import { isPartnerRole } from '@/lib/principal';
import { AppShell } from './AppShell';

// Each page is its own chunk, loaded when its route is first visited.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

const shared: RouteObject[] = [
  { path: 'profile', lazy: page(() => import('@/features/profile/components/ProfilePage')) },
  { path: 'account/security', lazy: page(() => import('@/features/account/components/AccountSecurityPage')) },
  { path: 'feed', lazy: page(() => import('@/features/engagement/components/FeedPage')) },
  { path: 'claims/:claimId', lazy: page(() => import('@/features/claims/components/ClaimDetailPage')) },
  { path: 'disputes', lazy: page(() => import('@/features/disputes/components/DisputesPage')) },
  { path: 'disputes/:disputeId', lazy: page(() => import('@/features/disputes/components/DisputePage')) },
  { path: 'notifications', lazy: page(() => import('@/features/notifications/components/NotificationsPage')) },
  { path: 'settings/notifications', lazy: page(() => import('@/features/notifications/components/NotificationSettingsPage')) },
  { path: '*', lazy: page(() => import('@/components/NotFoundPage')) },
];

const partnerRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('./pages/DashboardPage')) },
  { path: 'claims', lazy: page(() => import('@/features/claims/components/ClaimsPage')) },
  { path: 'programs', lazy: page(() => import('@/features/programs/components/PartnerProgramsPage')) },
  { path: 'programs/:programId', lazy: page(() => import('@/features/programs/components/PartnerProgramPage')) },
  { path: 'claims/new', lazy: page(() => import('@/features/claims/components/NewClaimPage')) },
  { path: 'claims/:claimId/edit', lazy: page(() => import('@/features/claims/components/ResubmitClaimPage')) },
  { path: 'funds', lazy: page(() => import('@/features/funds/components/FundsPage')) },
  { path: 'disputes/new', lazy: page(() => import('@/features/disputes/components/NewDisputePage')) },
  { path: 'leaderboards', lazy: page(() => import('@/features/leaderboards/components/LeaderboardsPage')) },
  { path: 'badges', lazy: page(() => import('@/features/badges/components/BadgesPage')) },
  { path: 'training', lazy: page(() => import('@/features/training/components/TrainingPage')) },
  { path: 'rewards', lazy: page(() => import('@/features/rewards/components/RewardsPage')) },
  { path: 'store', lazy: page(() => import('@/features/store/components/StorePage')) },
  { path: 'organisation', lazy: page(() => import('./pages/OrganisationPage')) },
];

const vendorRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('@/features/review/components/ReviewQueuePage')) },
  { path: 'review', lazy: page(() => import('@/features/review/components/ReviewQueuePage')) },
  { path: 'programs', lazy: page(() => import('@/features/programs/components/ProgramsPage')) },
  { path: 'programs/new', lazy: page(() => import('@/features/programs/components/ProgramEditorPage')) },
  { path: 'programs/:programId', lazy: page(() => import('@/features/programs/components/ProgramPage')) },
  { path: 'programs/:programId/edit', lazy: page(() => import('@/features/programs/components/ProgramEditorPage')) },
  { path: 'performance', lazy: page(() => import('@/features/performance/components/PerformancePage')) },
  {
    path: 'programs/:programId/performance',
    lazy: page(() => import('@/features/performance/components/ProgramPerformancePage')),
  },
  { path: 'partners', lazy: page(() => import('@/features/partners/components/PartnersPage')) },
  { path: 'partners/:partnerId', lazy: page(() => import('./pages/PartnerPage')) },
  { path: 'fund-requests', lazy: page(() => import('@/features/funds/components/FundQueuePage')) },
  { path: 'payouts', lazy: page(() => import('@/features/payouts/components/PayoutsPage')) },
  { path: 'ledger', lazy: page(() => import('@/features/ledger/components/LedgerConsolePage')) },
  { path: 'products', lazy: page(() => import('@/features/products/components/ProductsPage')) },
  { path: 'store', lazy: page(() => import('@/features/store/components/CatalogConsolePage')) },
  { path: 'statements/:statementId', lazy: page(() => import('@/features/payouts/components/StatementPage')) },
  { path: 'audit', lazy: page(() => import('@/features/audit/components/AuditPage')) },
  { path: 'setup/tiers', lazy: page(() => import('@/features/tiers/components/TiersSetupPage')) },
  { path: 'setup/recognition', lazy: page(() => import('@/features/recognition/components/RecognitionSetupPage')) },
  { path: 'setup/training', lazy: page(() => import('@/features/training/components/TrainingSetupPage')) },
  { path: 'setup/engagement', lazy: page(() => import('@/features/engagement/components/EngagementSetupPage')) },
  { path: 'setup/api-keys', lazy: page(() => import('@/features/apikeys/components/ApiKeysPage')) },
  { path: 'setup/staff', lazy: page(() => import('@/features/staff/components/StaffPage')) },
];

export function routesFor(role: Role): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppShell />,
      errorElement: <RouteError />,
      HydrateFallback: Loading,
      children: [...(isPartnerRole(role) ? partnerRoutes : vendorRoutes), ...shared],
    },
  ];
}

export function createAppRouter(role: Role) {
  return createBrowserRouter(routesFor(role));
}
