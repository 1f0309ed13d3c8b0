import { z } from 'zod';
import { id, name, timestamp } from '../../platform/common.contract';

export const role = z.enum(['owner', 'admin', 'member']);
export const email = z
  .email({ error: 'must be an email address' })
  .max(320)
  .transform((e) => e.trim().toLowerCase());
export const password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters');

export const signupInput = z.object({ email, password, name, workspaceName: name });
export const loginInput = z.object({ email, password: z.string().min(1, 'is required').max(256) });

export const user = z.object({ id, email: z.string(), name: z.string() });
export const workspace = z.object({ id, name: z.string(), role });
export const me = z.object({ user, workspaces: z.array(workspace) });
export const signupResult = z.object({ user, workspace });

export const workspaceInput = z.object({ name });

export const invitationInput = z.object({ email, role });
export const invitation = z.object({
  id,
  email: z.string(),
  role,
  createdAt: timestamp,
  expiresAt: timestamp,
  acceptedAt: timestamp.nullable(),
});
export const invitationPreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role,
  hasAccount: z.boolean(),
});
export const acceptInvitationInput = z.object({
  token: z.string().min(1).max(200),
  name: name.optional(),
  password,
});

export const memberItem = z.object({
  userId: id,
  name: z.string(),
  email: z.string(),
  role,
  joinedAt: timestamp,
});
export const memberPatch = z.object({ role });

export type Role = z.infer<typeof role>;
export type User = z.infer<typeof user>;
export type Me = z.infer<typeof me>;
export type SignupInput = z.infer<typeof signupInput>;
export type Invitation = z.infer<typeof invitation>;
export type InvitationPreview = z.infer<typeof invitationPreview>;
export type MemberItem = z.infer<typeof memberItem>;
