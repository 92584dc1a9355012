// The main navigation: every page's link, and the roles that see it.
import type { IconName } from '@/components/Icon';
import type { Role } from '@/lib/api/enums';

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  roles: Role[];
}

const kPartner: Role[] = ['ROLE_PARTNER_REP', 'ROLE_PARTNER_ADMIN'];
const kVendor: Role[] = ['ROLE_CHANNEL_MANAGER', 'ROLE_PROGRAM_ADMIN', 'ROLE_FINANCE'];
const kManagerAdmin: Role[] = ['ROLE_CHANNEL_MANAGER', 'ROLE_PROGRAM_ADMIN'];
const kAdminFinance: Role[] = ['ROLE_PROGRAM_ADMIN', 'ROLE_FINANCE'];

// Labels are translated where they are shown; m() only marks them for the translation check.
const markForTranslation = (text: string) => text;
const m = markForTranslation;

const kNav: NavItem[] = [
  { to: '/', label: m('Dashboard'), icon: 'home', roles: kPartner },
  { to: '/claims', label: m('Claims'), icon: 'receipt', roles: kPartner },
  { to: '/programs', label: m('Programs'), icon: 'sliders', roles: kPartner },
  { to: '/funds', label: m('MDF & co-op'), icon: 'wallet', roles: kPartner },
  { to: '/leaderboards', label: m('Leaderboards'), icon: 'trophy', roles: kPartner },
  { to: '/badges', label: m('Badges'), icon: 'medal', roles: kPartner },
  { to: '/training', label: m('Training'), icon: 'book', roles: kPartner },
  { to: '/rewards', label: m('Rewards'), icon: 'coins', roles: kPartner },
  { to: '/store', label: m('Store'), icon: 'gift', roles: kPartner },
  { to: '/disputes', label: m('Disputes'), icon: 'message', roles: kPartner },
  { to: '/organisation', label: m('Organisation'), icon: 'users', roles: ['ROLE_PARTNER_ADMIN'] },
  { to: '/review', label: m('Claim review'), icon: 'inbox', roles: kVendor },
  { to: '/fund-requests', label: m('Fund requests'), icon: 'wallet', roles: kManagerAdmin },
  { to: '/disputes', label: m('Disputes'), icon: 'message', roles: kVendor },
  { to: '/programs', label: m('Programs'), icon: 'sliders', roles: kVendor },
  { to: '/performance', label: m('Performance & ROI'), icon: 'chart', roles: kVendor },
  { to: '/products', label: m('Product catalog'), icon: 'receipt', roles: ['ROLE_PROGRAM_ADMIN'] },
  { to: '/partners', label: m('Partners'), icon: 'building', roles: kManagerAdmin },
  { to: '/payouts', label: m('Payouts'), icon: 'banknote', roles: ['ROLE_FINANCE'] },
  { to: '/ledger', label: m('Ledger'), icon: 'coins', roles: kAdminFinance },
  { to: '/store', label: m('Rewards catalog'), icon: 'gift', roles: kVendor },
  { to: '/setup/tiers', label: m('Tiers'), icon: 'flag', roles: kManagerAdmin },
  { to: '/setup/recognition', label: m('Badges & levels'), icon: 'medal', roles: kVendor },
  { to: '/setup/training', label: m('Training setup'), icon: 'book', roles: kVendor },
  { to: '/setup/engagement', label: m('Challenges & surveys'), icon: 'trophy', roles: kVendor },
  { to: '/setup/staff', label: m('Staff'), icon: 'users', roles: ['ROLE_PROGRAM_ADMIN'] },
  { to: '/setup/api-keys', label: m('API keys'), icon: 'lock', roles: ['ROLE_PROGRAM_ADMIN'] },
  { to: '/audit', label: m('Audit trail'), icon: 'shield', roles: kAdminFinance },
  { to: '/feed', label: m('Feed'), icon: 'spark', roles: [...kPartner, ...kVendor] },
];

// The links `role` sees, in order.
export function navigationFor(role: Role | undefined): NavItem[] {
  return kNav.filter((item) => role !== undefined && item.roles.includes(role));
}
