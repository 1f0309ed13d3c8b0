import { Signer, type UnsignResult } from '@fastify/cookie';

const REMEMBERED = 10_000;

/**
 * The session cookies' signer, remembering the cookies it has verified. Checking a signature is an HMAC,
 * computed on every request that carries a cookie (~40–50 µs of a ~2 ms timeline request in a profile: ADR 006),
 * and the same cookie comes back on every request of its session. Only valid signatures are
 * remembered, so made-up cookies cannot fill the memory; at most `REMEMBERED`, the oldest going first.
 * One signer per app, so an app with another secret never sees what this one verified.
 */
export function rememberingSigner(secret: string): Pick<Signer, 'sign' | 'unsign'> {
  const signer = new Signer(secret);
  const verified = new Map<string, string>();
  return {
    sign: (value: string) => signer.sign(value),
    unsign(signed: string): UnsignResult {
      const value = verified.get(signed);
      if (value !== undefined) return { valid: true, renew: false, value };
      const result = signer.unsign(signed);
      if (result.valid && result.value !== null) {
        if (verified.size >= REMEMBERED) verified.delete(verified.keys().next().value as string);
        verified.set(signed, result.value);
      }
      return result;
    },
  };
}
