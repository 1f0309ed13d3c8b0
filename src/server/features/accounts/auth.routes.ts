import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../../demo/demo.seed';
import { recordAudit } from '../../platform/audit';
import { requireUser } from '../../platform/auth/actor';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/cookies';
import { createSession, deleteSession } from '../../platform/auth/sessions';
import { token as tokenParam } from '../../platform/common.contract';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { MinuteThrottle } from '../../platform/throttle';
import {
  acceptInvitationInput,
  invitationPreview,
  loginInput,
  me,
  signupInput,
  signupResult,
  user,
  workspace,
  workspaceInput,
} from './accounts.contract';
import {
  acceptInvitation,
  checkCredentials,
  createUser,
  createWorkspace,
  findUserByEmail,
  getMe,
  previewInvitation,
} from './accounts.store';

const tags = ['Auth and users'];

/** Sign-up, login, logout, me, and accepting an invitation: the routes outside any workspace. */
export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = deps.config.publicUrl.startsWith('https:');
  const perMinute = deps.loginAttemptsPerMinute ?? 10;
  const byIp = new MinuteThrottle(deps.authAttemptsPerIpPerMinute ?? 30);
  const byAccount = new MinuteThrottle(perMinute);

  async function startSession(reply: import('fastify').FastifyReply, userId: string) {
    const s = await createSession(db, userId);
    setSessionCookie(reply, s.token, s.expiresAt, secure);
  }

  r.post(
    '/api/v1/auth/signup',
    {
      schema: {
        tags,
        summary: 'Sign up: creates a user and their workspace',
        body: signupInput,
        response: { 201: signupResult },
      },
    },
    async (req, reply) => {
      byIp.hit(`signup:${req.ip}`);
      const result = await db.transaction(async (tx) => {
        const u = await createUser(tx, req.body);
        const ws = await createWorkspace(tx, u.id, req.body.workspaceName);
        await recordAudit(
          tx,
          { workspaceId: ws.id, actorKind: 'user', actorId: u.id },
          'workspace.created',
          'workspace',
          ws.id,
        );
        return { user: u, workspace: ws };
      });
      await startSession(reply, result.user.id);
      return reply.code(201).send(result);
    },
  );

  r.post(
    '/api/v1/auth/login',
    { schema: { tags, summary: 'Log in', body: loginInput, response: { 200: z.object({ user }) } } },
    async (req, reply) => {
      const accountKey = `login:${req.body.email}`;
      byIp.hit(`login:${req.ip}`);
      byAccount.check(accountKey);
      const u = await checkCredentials(db, req.body.email, req.body.password);
      if (!u) {
        byAccount.hit(accountKey);
        throw new AppError('unauthenticated', 'Email or password is wrong');
      }
      // A fresh session id on every login; any session the browser carried before is ended.
      const previous = req.actor.kind === 'session' ? req.actor.sessionToken : undefined;
      if (previous) await deleteSession(db, previous);
      await startSession(reply, u.id);
      const { workspaces } = await getMe(db, u);
      await Promise.all(
        workspaces.map((w) =>
          recordAudit(
            db,
            { workspaceId: w.id, actorKind: 'user', actorId: u.id },
            'user.logged_in',
            'user',
            u.id,
          ),
        ),
      );
      return { user: u };
    },
  );

  r.post('/api/v1/auth/logout', { schema: { tags, summary: 'Log out' } }, async (req, reply) => {
    if (req.actor.kind === 'session') await deleteSession(db, req.actor.sessionToken);
    clearSessionCookie(reply, secure);
    return reply.code(204).send();
  });

  r.get(
    '/api/v1/auth/demo',
    {
      schema: {
        tags,
        summary: 'The demo login, when this server runs the demo workspace',
        response: { 200: z.object({ email: z.string(), password: z.string() }).nullable() },
      },
    },
    async () => {
      if (!deps.config.demo) return null;
      return (await findUserByEmail(db, DEMO_EMAIL)) ? { email: DEMO_EMAIL, password: DEMO_PASSWORD } : null;
    },
  );

  r.get(
    '/api/v1/me',
    { schema: { tags, summary: 'Who am I, and my workspaces', response: { 200: me } } },
    async (req) => getMe(db, requireUser(req)),
  );

  r.post(
    '/api/v1/workspaces',
    {
      schema: {
        tags: ['Workspaces'],
        summary: 'Create another workspace',
        body: workspaceInput,
        response: { 201: workspace },
      },
    },
    async (req, reply) => {
      const u = requireUser(req);
      const ws = await db.transaction(async (tx) => {
        const created = await createWorkspace(tx, u.id, req.body.name);
        await recordAudit(
          tx,
          { workspaceId: created.id, actorKind: 'user', actorId: u.id },
          'workspace.created',
          'workspace',
          created.id,
        );
        return created;
      });
      return reply.code(201).send(ws);
    },
  );

  r.get(
    '/api/v1/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for',
        params: z.object({ token: tokenParam }),
        response: { 200: invitationPreview },
      },
    },
    async (req) => previewInvitation(db, req.params.token),
  );

  r.post(
    '/api/v1/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation (sets a password, starts a session)',
        body: acceptInvitationInput,
        response: { 200: z.object({ user, workspaceId: z.string() }) },
      },
    },
    async (req, reply) => {
      byIp.hit(`accept:${req.ip}`);
      const accepted = await db.transaction(async (tx) => {
        const a = await acceptInvitation(tx, req.body);
        await recordAudit(
          tx,
          { workspaceId: a.workspaceId, actorKind: 'user', actorId: a.user.id },
          'member.joined',
          'member',
          a.user.id,
          { role: a.role },
        );
        return a;
      });
      await startSession(reply, accepted.user.id);
      return { user: accepted.user, workspaceId: accepted.workspaceId };
    },
  );
}
