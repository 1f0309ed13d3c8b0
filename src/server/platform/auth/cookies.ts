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
