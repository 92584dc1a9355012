import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Role } from '@/features/auth/api/types';
import { isPartnerRole } from '@/features/auth/api/types';
import { AppShell } from '@/components/AppShell';
import { RouteError } from '@/components/RouteError';
import { Loading } from '@/components/Status';

// Each page is its own chunk, loaded when its route is first visited.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

const shared: RouteObject[] = [
  { path: 'profile', lazy: page(() => import('@/features/profile/components/ProfilePage')) },
  { path: 'feed', lazy: page(() => import('@/features/engagement/components/FeedPage')) },
  { path: 'claims/:claimId', lazy: page(() => import('@/features/claims/components/ClaimDetailPage')) },
  { path: '*', lazy: page(() => import('@/components/NotFoundPage')) },
];

const partnerRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('@/features/dashboard/components/DashboardPage')) },
  { path: 'claims', lazy: page(() => import('@/features/claims/components/ClaimsPage')) },
  { path: 'claims/new', lazy: page(() => import('@/features/claims/components/NewClaimPage')) },
  { path: 'claims/:claimId/edit', lazy: page(() => import('@/features/claims/components/ResubmitClaimPage')) },
  { path: 'funds', lazy: page(() => import('@/features/funds/components/FundsPage')) },
  { path: 'leaderboards', lazy: page(() => import('@/features/leaderboards/components/LeaderboardsPage')) },
  { path: 'badges', lazy: page(() => import('@/features/badges/components/BadgesPage')) },
  { path: 'training', lazy: page(() => import('@/features/training/components/TrainingPage')) },
  { path: 'rewards', lazy: page(() => import('@/features/rewards/components/RewardsPage')) },
  { path: 'organisation', lazy: page(() => import('@/features/org/components/OrganisationPage')) },
];

const vendorRoutes: RouteObject[] = [
  { index: true, lazy: page(() => import('@/features/review/components/ReviewQueuePage')) },
  { path: 'review', lazy: page(() => import('@/features/review/components/ReviewQueuePage')) },
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
