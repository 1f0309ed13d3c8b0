import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
};

const titleOf: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'Gone',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported media type',
  too_many_requests: 'Too many requests',
};

export type FieldError = { path: string; message: string };

/** The one error type: a code that maps to an HTTP status, a sentence for people, and the fields at fault. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.status = statusOf[code];
  }
  static badField(path: string, message: string): AppError {
    return new AppError('bad_request', `${path}: ${message}`, [{ path, message }]);
  }
  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
};

function problem(code: ErrorCode, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `https://twofold.dev/problems/${code.replaceAll('_', '-')}`,
    title: titleOf[code],
    status: statusOf[code],
    detail,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** PostgreSQL error codes a client can cause with well-formed input (duplicate, dangling reference…). */
function fromDatabase(err: unknown): Problem | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  const code = e.cause?.code ?? e.code;
  if (code === '23505') return problem('conflict', 'A record with these values already exists');
  if (code === '23503')
    return problem('conflict', 'This record is referenced by, or refers to, another record');
  if (['22P02', '22P05', '22007', '22008', '22003', '22021', '54000'].includes(code ?? ''))
    return problem('bad_request', 'A value has the wrong format');
  return undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let body: Problem;
    if (err instanceof AppError) {
      body = problem(err.code, err.message, err.errors);
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext;
      const errors = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path: path || (where ?? 'body'), message: v.message ?? 'is invalid' };
      });
      body = problem(
        'bad_request',
        `Invalid ${where ?? 'request'}: ${errors.map((e) => e.path).join(', ')}`,
        errors,
      );
    } else if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      body = problem('bad_request', 'Internal error');
      body.status = 500;
      body.title = 'Internal error';
      body.type = 'about:blank';
    } else if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      body = problem('payload_too_large', 'The request body is too large');
    } else if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      body = problem('unsupported_media_type', 'Send JSON (application/json)');
    } else if (err.statusCode === 429) {
      body = problem('too_many_requests', 'Too many requests; try again shortly');
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, empty body with a JSON content type, bad URL…
      body = problem('bad_request', err.message.replace(/^Body /, 'body '), [
        { path: 'body', message: err.message },
      ]);
      body.status = err.statusCode;
    } else {
      const db = fromDatabase(err);
      if (db) body = db;
      else {
        req.log.error({ err }, 'unhandled error');
        body = {
          type: 'about:blank',
          title: 'Internal error',
          status: 500,
          detail: 'Something went wrong on our side',
        };
      }
    }
    void reply.code(body.status).type('application/problem+json').send(body);
  });
}

export function sendNoRoute(req: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(404)
    .type('application/problem+json')
    .send(problem('not_found', `No route for ${req.method} ${req.url.split('?')[0]}`));
}
