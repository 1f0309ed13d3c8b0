import { Signer } from '@fastify/cookie';
import { describe, expect, it } from 'vitest';
import { rememberingSigner } from './cookie-signer';

describe('the remembering cookie signer', () => {
  it('signs as the plain signer does, and verifies a cookie again from memory with the same answer', () => {
    const signer = rememberingSigner('a-secret-of-thirty-two-characters!!');
    const signed = signer.sign('session-token');
    expect(signed).toBe(new Signer('a-secret-of-thirty-two-characters!!').sign('session-token'));
    expect(signer.unsign(signed)).toEqual({ valid: true, renew: false, value: 'session-token' });
    expect(signer.unsign(signed)).toEqual({ valid: true, renew: false, value: 'session-token' });
  });

  it('refuses a tampered or foreign cookie, also after verifying the real one', () => {
    const signer = rememberingSigner('a-secret-of-thirty-two-characters!!');
    const signed = signer.sign('session-token');
    expect(signer.unsign(signed).valid).toBe(true);
    const tampered = `other-token${signed.slice(signed.indexOf('.'))}`;
    expect(signer.unsign(tampered)).toMatchObject({ valid: false, value: null });
    expect(signer.unsign(`${signed}x`).valid).toBe(false);
    expect(signer.unsign('session-token').valid).toBe(false);
    // An app with another secret never takes what this one verified.
    const other = rememberingSigner('another-secret-of-thirty-two-chars!');
    expect(other.unsign(signed).valid).toBe(false);
    expect(other.unsign(signed).valid).toBe(false);
  });
});
