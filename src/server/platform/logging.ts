import type { FastifyRequest } from 'fastify';

/**
 * Link tokens travel in URLs (invitations, magic links, pulse answers): any long opaque path segment
 * or `token`-like query value is masked before a URL reaches the log.
 */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  const safePath = path
    .split('/')
    .map((seg) => (/^[A-Za-z0-9._~-]{24,}$/.test(seg) && !/^[0-9a-f-]{36}$/i.test(seg) ? '[redacted]' : seg))
    .join('/');
  if (!query) return safePath;
  const safeQuery = query
    .split('&')
    .map((kv) => {
      const [k = '', v] = kv.split('=', 2);
      return v !== undefined && /token|secret|password|key|code/i.test(k) ? `${k}=[redacted]` : kv;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req: FastifyRequest) {
        return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip };
      },
    },
  };
}
