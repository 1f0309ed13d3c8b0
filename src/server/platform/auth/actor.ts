import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Role, TokenScope } from './auth.table';

export type UserRef = { id: string; email: string; name: string };

/**
 * The caller's role in the workspace the request's path names, read in the same statement as the caller
 * (ADR 006): `role` is null when they are not a member there.
 */
export type PathMembership = { workspaceId: string; role: Role | null };

/** Who is calling: a signed-in person, or an API token acting for the member who made it. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'session'; user: UserRef; sessionToken: string; membership?: PathMembership }
  | {
      kind: 'token';
      user: UserRef;
      workspaceId: string;
      tokenId: string;
      scope: TokenScope;
      membership?: PathMembership;
    };

/** Set by the tenancy guard on every route under /workspaces/{workspaceId}. */
export type Member = {
  workspaceId: string;
  userId: string;
  role: Role;
  actorKind: 'user' | 'token';
  actorId: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    member: Member | null;
  }
}

export function requireUser(req: FastifyRequest): UserRef {
  const a = req.actor;
  if (a.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first');
  return a.user;
}

/** The workspace context of a route inside the tenancy guard; throws if a route was mounted outside it. */
export function member(req: FastifyRequest): Member {
  if (!req.member) throw new Error('workspace route mounted outside the tenancy guard');
  return req.member;
}

const rank: Record<Role, number> = { member: 1, admin: 2, owner: 3 };
export function roleAtLeast(role: Role, min: Role): boolean {
  return rank[role] >= rank[min];
}
