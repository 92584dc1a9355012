// API shapes of cim.v1 identity messages: partners and users.
import type { Role } from '@/features/auth/api/types';

export type PartnerType =
  | 'PARTNER_TYPE_DISTRIBUTOR'
  | 'PARTNER_TYPE_RESELLER'
  | 'PARTNER_TYPE_DEALER'
  | 'PARTNER_TYPE_BROKER'
  | 'PARTNER_TYPE_AGENT'
  | 'PARTNER_TYPE_MSP';

export interface Partner {
  id: string;
  name: string;
  type: PartnerType;
  tier: string;
  region: string;
  parentPartnerId: string;
  status: PartnerStatus;
  createTime?: string;
  updateTime?: string;
  etag: string;
}

export type PartnerStatus = 'PARTNER_STATUS_ACTIVE' | 'PARTNER_STATUS_SUSPENDED';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  partnerId: string;
  status: 'USER_STATUS_ACTIVE' | 'USER_STATUS_DISABLED';
  createTime?: string;
  etag: string;
}

export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  PARTNER_TYPE_DISTRIBUTOR: 'Distributor',
  PARTNER_TYPE_RESELLER: 'Reseller',
  PARTNER_TYPE_DEALER: 'Dealer',
  PARTNER_TYPE_BROKER: 'Broker',
  PARTNER_TYPE_AGENT: 'Agent',
  PARTNER_TYPE_MSP: 'MSP',
};

export const PARTNER_STATUS_LABELS: Record<PartnerStatus, string> = {
  PARTNER_STATUS_ACTIVE: 'Active',
  PARTNER_STATUS_SUSPENDED: 'Suspended',
};

// Roles that create and change partners and their users (server: PartnerDirectory).
export function managesPartners(role: Role): boolean {
  return role === 'ROLE_CHANNEL_MANAGER' || role === 'ROLE_PROGRAM_ADMIN';
}
