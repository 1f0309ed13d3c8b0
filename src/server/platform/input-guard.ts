import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/** Path of the first string holding a NUL character, which PostgreSQL text cannot store. */
function findNul(value: unknown, path: string[], depth = 0): string | undefined {
  if (depth > 64) return undefined;
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'body' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], [...path, String(i)], depth + 1);
      if (hit !== undefined) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit =
        findNul(v, [...path, k], depth + 1) ?? (k.includes('\u0000') ? [...path, k].join('.') : undefined);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}

/** Refuses NUL characters anywhere in a request with a 400 naming the field, before any handler sees it. */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const where = findNul(req.body, []) ?? findNul(req.query, []) ?? findNul(req.params, []);
    if (where !== undefined) throw AppError.badField(where, 'must not contain NUL characters');
  });
}
