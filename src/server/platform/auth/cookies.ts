import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './sessions';

/** httpOnly, SameSite=Lax, signed; Secure whenever Twofold is served over https. */
export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * The client portal's session cookie: its own name, and a path that keeps it off every other route, so a
 * browser never sends it to the workspace API (which would not accept it anyway).
 */
export const PORTAL_COOKIE = 'tf_portal';
export const PORTAL_COOKIE_PATH = '/api/v1/portal';

export function setPortalCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean): void {
  void reply.setCookie(PORTAL_COOKIE, token, {
    path: PORTAL_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    expires,
  });
}

export function clearPortalCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(PORTAL_COOKIE, {
    path: PORTAL_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}
