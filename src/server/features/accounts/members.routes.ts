import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audited } from '../../platform/audit';
import { member } from '../../platform/auth/actor';
import { id } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { enqueueMail } from '../../platform/mail';
import { registerWorkspaceRoutes } from '../../platform/tenancy';
import { escapeHtml } from '../../platform/text';
import { releaseOwnership } from '../relationships/relationships.store';
import {
  invitation,
  invitationInput,
  memberItem,
  memberPatch,
  workspace,
  workspaceInput,
} from './accounts.contract';
import {
  changeRole,
  createInvitation,
  getWorkspace,
  listInvitations,
  listMembers,
  removeMember,
  renameWorkspace,
} from './accounts.store';

const tags = ['Workspaces'];

/** The workspace itself, its members and invitations. */
export function membersRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  registerWorkspaceRoutes(app, db, (r) => {
    r.get(
      '',
      { schema: { tags, summary: 'Get the workspace', response: { 200: workspace } } },
      async (req) => {
        const m = member(req);
        const ws = await getWorkspace(db, m.workspaceId);
        return { id: ws.id, name: ws.name, role: m.role };
      },
    );

    r.patch(
      '',
      {
        schema: { tags, summary: 'Rename the workspace', body: workspaceInput, response: { 200: workspace } },
        config: { minRole: 'admin' },
      },
      async (req) => {
        const m = member(req);
        const ws = await audited(db, m, 'workspace.renamed', (tx) =>
          renameWorkspace(tx, m.workspaceId, req.body.name),
        );
        return { id: ws.id, name: ws.name, role: m.role };
      },
    );

    r.get(
      '/members',
      {
        schema: {
          tags,
          summary: 'List members',
          response: { 200: z.object({ items: z.array(memberItem), nextCursor: z.null() }) },
        },
      },
      async (req) => ({
        items: await listMembers(db, member(req).workspaceId),
        nextCursor: null,
      }),
    );

    r.patch(
      '/members/:userId',
      {
        schema: {
          tags,
          summary: "Change a member's role",
          params: z.object({ workspaceId: z.string(), userId: id }),
          body: memberPatch,
          response: { 200: memberItem },
        },
        config: { minRole: 'admin' },
      },
      async (req) => {
        const m = member(req);
        await audited(
          db,
          m,
          'member.role_changed',
          (tx) => changeRole(tx, m.workspaceId, m.role, req.params.userId, req.body.role),
          (c) => ({ from: c.from, to: c.to }),
        );
        const all = await listMembers(db, m.workspaceId);
        return all.find((x) => x.userId === req.params.userId)!;
      },
    );

    r.delete(
      '/members/:userId',
      {
        schema: {
          tags,
          summary: 'Remove a member',
          params: z.object({ workspaceId: z.string(), userId: id }),
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        await audited(db, m, 'member.removed', async (tx) => {
          await releaseOwnership(tx, m.workspaceId, req.params.userId);
          return removeMember(tx, m.workspaceId, m.role, req.params.userId);
        });
        return reply.code(204).send();
      },
    );

    r.get(
      '/invitations',
      {
        schema: {
          tags,
          summary: 'List invitations',
          response: { 200: z.object({ items: z.array(invitation), nextCursor: z.null() }) },
        },
        config: { minRole: 'admin' },
      },
      async (req) => ({ items: await listInvitations(db, member(req).workspaceId), nextCursor: null }),
    );

    r.post(
      '/invitations',
      {
        schema: {
          tags,
          summary: 'Invite someone by email',
          body: invitationInput,
          response: { 201: invitation },
        },
        config: { minRole: 'admin' },
      },
      async (req, reply) => {
        const m = member(req);
        const ws = await getWorkspace(db, m.workspaceId);
        const created = await audited(
          db,
          m,
          'invitation.created',
          async (tx) => {
            const { invitation: inv, token } = await createInvitation(
              tx,
              m.workspaceId,
              m.userId,
              req.body,
              m.role,
            );
            const link = `${config.publicUrl}/invite/${token}`;
            await enqueueMail(
              tx,
              m.workspaceId,
              {
                to: inv.email,
                subject: `You are invited to ${ws.name} on Twofold`,
                text: `You have been invited to join ${ws.name} on Twofold as ${inv.role}.\n\nAccept the invitation and set your password:\n${link}\n\nThe link works for 7 days.`,
                html: `<p>You have been invited to join <strong>${escapeHtml(ws.name)}</strong> on Twofold as ${inv.role}.</p><p><a href="${link}">Accept the invitation and set your password</a></p><p>The link works for 7 days.</p>`,
              },
              Boolean(config.smtpUrl),
            );
            return inv;
          },
          { email: req.body.email, role: req.body.role },
        );
        deps.mail.kick();
        return reply.code(201).send(created);
      },
    );
  });
}
