import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, createTestApp, ORIGIN, Session, type TestApp, uniq } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signupWith(email: string, password = 'correct horse battery') {
  return t.anonymous.post('/api/v1/auth/signup', {
    email,
    password,
    name: 'Ada',
    workspaceName: 'Ada Studio',
  });
}

describe('sign up, log in, log out', () => {
  it('signs up: a user, an owned workspace, and a session cookie with safe flags', async () => {
    const email = `${uniq('ada')}@Example.com`;
    const res = await signupWith(email);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.user.email).toBe(email.toLowerCase());
    expect(body.workspace).toMatchObject({ name: 'Ada Studio', role: 'owner' });
    const cookie = res.cookies.find((c) => c.name === 'tf_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const me = await t.anonymous.request('GET', '/api/v1/me', undefined, { cookie: cookieFrom(res) });
    expect(me.json().workspaces).toEqual([{ id: body.workspace.id, name: 'Ada Studio', role: 'owner' }]);
  });

  it('refuses a second account for the same email, case-insensitively', async () => {
    const email = `${uniq('dup')}@example.com`;
    expect((await signupWith(email)).statusCode).toBe(201);
    const again = await signupWith(email.toUpperCase());
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('email');
  });

  it('names every bad field on sign-up', async () => {
    const res = await t.anonymous.post('/api/v1/auth/signup', { email: 'nope', password: 'short', name: '' });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(['email', 'name', 'password', 'workspaceName']);
  });

  it('logs in with a new session id each time, and logout ends that session', async () => {
    const email = `${uniq('login')}@example.com`;
    const first = cookieFrom(await signupWith(email));
    const login = await t.anonymous.request(
      'POST',
      '/api/v1/auth/login',
      { email, password: 'correct horse battery' },
      { cookie: first },
    );
    expect(login.statusCode).toBe(200);
    const second = cookieFrom(login);
    expect(second).not.toBe(first);
    // The session the browser carried into the login is gone (no fixation).
    expect((await t.anonymous.request('GET', '/api/v1/me', undefined, { cookie: first })).statusCode).toBe(
      401,
    );
    expect((await t.anonymous.request('GET', '/api/v1/me', undefined, { cookie: second })).statusCode).toBe(
      200,
    );
    const out = await t.anonymous.request('POST', '/api/v1/auth/logout', {}, { cookie: second });
    expect(out.statusCode).toBe(204);
    expect((await t.anonymous.request('GET', '/api/v1/me', undefined, { cookie: second })).statusCode).toBe(
      401,
    );
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const email = `${uniq('pw')}@example.com`;
    await signupWith(email);
    const wrong = await t.anonymous.post('/api/v1/auth/login', { email, password: 'not the password' });
    const unknown = await t.anonymous.post('/api/v1/auth/login', {
      email: `${uniq('nobody')}@example.com`,
      password: 'whatever it is',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('throttles repeated failed logins for one account', async () => {
    const email = `${uniq('throttle')}@example.com`;
    await signupWith(email);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push(
        (await t.anonymous.post('/api/v1/auth/login', { email, password: `wrong ${i} attempt` })).statusCode,
      );
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    // Even the right password waits until the window passes.
    expect(
      (await t.anonymous.post('/api/v1/auth/login', { email, password: 'correct horse battery' })).statusCode,
    ).toBe(429);
  });

  it('throttles sign-up and login attempts from one address', async () => {
    const strict = await createTestApp({}, undefined, { authAttemptsPerIpPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await strict.anonymous.post('/api/v1/auth/login', {
          email: `${uniq('ip')}@example.com`,
          password: 'whatever it is',
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });

  it('refuses a cookie-carried write from another origin (CSRF)', async () => {
    const s = await t.signup();
    const evil = await s.request('POST', s.ws('/teams'), { name: 'x' }, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: s.ws('/teams'),
      headers: { cookie: s.headers.cookie! },
      payload: { name: 'x' },
    });
    expect(noOrigin.statusCode).toBe(403);
    const same = await s.request('POST', s.ws('/teams'), { name: 'x' }, { origin: ORIGIN });
    expect(same.statusCode).toBe(201);
  });

  it('sends security headers', async () => {
    const res = await t.anonymous.get('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('lets a person create a second workspace and switch between them', async () => {
    const s = await t.signup();
    const res = await s.post('/api/v1/workspaces', { name: 'Second studio' });
    expect(res.statusCode).toBe(201);
    const me = (await s.get('/api/v1/me')).json();
    expect(me.workspaces.map((w: { name: string }) => w.name)).toContain('Second studio');
    const other = new Session(t.app, s.headers, s.user, res.json().id);
    expect((await other.get(other.ws('/teams'))).statusCode).toBe(200);
  });

  it('answers malformed JSON and wrong content types with a 4xx problem, never 500', async () => {
    const s = await t.signup();
    const bad = await s.request('POST', s.ws('/teams'), '{"name":', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const xml = await s.request('POST', s.ws('/teams'), '<team/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
    const unknown = await t.anonymous.get('/api/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });
});
