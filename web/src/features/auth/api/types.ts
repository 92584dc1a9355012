// API shapes of cim.v1 identity messages as the gateway renders them (canonical JSON).

export type Role =
  | 'ROLE_PARTNER_REP'
  | 'ROLE_PARTNER_ADMIN'
  | 'ROLE_CHANNEL_MANAGER'
  | 'ROLE_PROGRAM_ADMIN'
  | 'ROLE_FINANCE'
  | 'ROLE_SERVICE_ACCOUNT';

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  partnerId: string;
  partnerName: string;
}

export interface LoginResponse {
  principal: Principal;
  expireTime: string;
}

export const ROLE_LABELS: Record<Role, string> = {
  ROLE_PARTNER_REP: 'Partner rep',
  ROLE_PARTNER_ADMIN: 'Partner admin',
  ROLE_CHANNEL_MANAGER: 'Channel manager',
  ROLE_PROGRAM_ADMIN: 'Program admin',
  ROLE_FINANCE: 'Finance',
  ROLE_SERVICE_ACCOUNT: 'Service account',
};

export function isPartnerRole(role: Role): boolean {
  return role === 'ROLE_PARTNER_REP' || role === 'ROLE_PARTNER_ADMIN';
}

export function isVendorRole(role: Role): boolean {
  return role === 'ROLE_CHANNEL_MANAGER' || role === 'ROLE_PROGRAM_ADMIN' || role === 'ROLE_FINANCE';
}
