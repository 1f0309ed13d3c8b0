import type { Role } from '../../../server/features/accounts/accounts.contract';

export const roleLabel: Record<Role, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
