import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Db } from '../db/open';
import type { MailDelivery } from './mail';

/** What the app is built from; tests build it with their own database, clock and mail. */
export type AppDeps = {
  db: Db;
  config: Config;
  mail: MailDelivery;
  now: () => Date;
  /** Failed logins allowed per account per minute (default 10). */
  loginAttemptsPerMinute?: number;
  /** Sign-up, login and invitation attempts allowed per IP per minute (default 30). */
  authAttemptsPerIpPerMinute?: number;
  /** Portal sign-in links one email address may ask for per minute (default 3). */
  portalLinksPerEmailPerMinute?: number;
  /** Portal link requests and link openings allowed per IP per minute (default 30). */
  portalAttemptsPerIpPerMinute?: number;
};

export type ZodFastify = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
