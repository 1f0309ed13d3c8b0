import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { authRoutes } from './auth.routes';
import { membersRoutes } from './members.routes';

export function accountRoutes(app: FastifyInstance, deps: AppDeps): void {
  authRoutes(app, deps);
  membersRoutes(app, deps);
}
