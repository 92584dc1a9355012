// The signed-in user (the API's Principal) and what their role lets the portal show. The app
// provides it once signed in; any page reads it.
import { createContext, useContext } from 'react';
import type { Known, Role } from '@/lib/api/enums';
import type { Principal } from '@/lib/api/schema';

export const PrincipalContext = createContext<Principal | null>(null);

// The signed-in user. Only pages under the signed-in shell call it.
export function usePrincipal(): Principal {
  const principal = useContext(PrincipalContext);
  if (!principal) throw new Error('usePrincipal outside the signed-in shell');
  return principal;
}

export const ROLE_LABELS: Record<Known<Role>, string> = {
  ROLE_PARTNER_REP: 'Partner rep',
  ROLE_PARTNER_ADMIN: 'Partner admin',
  ROLE_CHANNEL_MANAGER: 'Channel manager',
  ROLE_PROGRAM_ADMIN: 'Program admin',
  ROLE_FINANCE: 'Finance',
  ROLE_SERVICE_ACCOUNT: 'Service account',
};

export function isPartnerRole(role: Role | undefined): boolean {
  return role === 'ROLE_PARTNER_REP' || role === 'ROLE_PARTNER_ADMIN';
}

export function isVendorRole(role: Role | undefined): boolean {
  return role === 'ROLE_CHANNEL_MANAGER' || role === 'ROLE_PROGRAM_ADMIN' || role === 'ROLE_FINANCE';
}

// Roles that create and change partners and their users (server: PartnerDirectory).
export function managesPartners(role: Role | undefined): boolean {
  return role === 'ROLE_CHANNEL_MANAGER' || role === 'ROLE_PROGRAM_ADMIN';
}
