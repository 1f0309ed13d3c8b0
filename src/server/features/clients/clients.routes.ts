import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps';

export function clientsRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
