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
  /** Failed logins allowed per minute, per IP and per account. */
  loginAttemptsPerMinute?: number;
};

export type ZodFastify = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
