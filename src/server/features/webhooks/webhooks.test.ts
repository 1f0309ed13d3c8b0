import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { isPrivateAddress, refuseAddress } from './webhooks.address';
import type { WebhookDelivery } from './webhooks.contract';
import { runWebhookPass } from './webhooks.worker';

type Received = { headers: IncomingMessage['headers']; body: string };
/** A real HTTP receiver; `answer` decides each response (status, or a promise to hold the answer back). */
let receiver: Server;
let received: Received[] = [];
let answer: (r: Received) => number | Promise<number> = () => 200;
let receiverUrl = '';

let t: TestApp;
let owner: Session;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      res.statusCode = await answer(r);
      res.end('ok');
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  t = await createTestApp({ webhooksAllowPrivate: true });
  owner = await t.signup();
});
afterAll(async () => {
  await t.close();
  receiver.closeAllConnections();
  await new Promise((ok) => receiver.close(ok));
});

async function subscribe(events: string[]) {
  const res = await owner.post(owner.ws('/webhooks'), { url: receiverUrl, events });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string };
}

/** Waits until the delivery log satisfies `done` (the delivery loop runs every couple of seconds). */
async function logUntil(webhookId: string, done: (d: WebhookDelivery[]) => boolean) {
  for (let i = 0; i < 100; i++) {
    const log = (await owner.get(owner.ws(`/webhooks/${webhookId}/deliveries`))).json() as {
      items: WebhookDelivery[];
    };
    if (done(log.items)) return log.items;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the delivery log never reached the expected state');
}

async function relationship(): Promise<string> {
  const team = (await owner.post(owner.ws('/teams'), { name: uniq('Team') })).json() as { id: string };
  const client = (
    await owner.post(owner.ws('/clients'), { name: uniq('Client'), kind: 'external' })
  ).json() as {
    id: string;
  };
  const rel = await owner.post(owner.ws('/relationships'), {
    clientId: client.id,
    teamId: team.id,
    cadenceDays: 30,
  });
  expect(rel.statusCode).toBe(201);
  return (rel.json() as { id: string }).id;
}

describe('webhooks', () => {
  it('shows the secret once and refuses URLs it may not call', async () => {
    const hook = await subscribe(['relationship.created']);
    expect(hook.secret).toMatch(/^whsec_/);
    const list = await owner.get(owner.ws('/webhooks'));
    expect(list.body).toContain(hook.id);
    expect(list.body).not.toContain(hook.secret);
    const ftp = await owner.post(owner.ws('/webhooks'), {
      url: 'ftp://example.com/x',
      events: ['topic.created'],
    });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().errors[0].path).toBe('url');
    const none = await owner.post(owner.ws('/webhooks'), { url: receiverUrl, events: [] });
    expect(none.statusCode).toBe(400);
    expect(await refuseAddress('http://127.0.0.1:9/x', false)).toMatch(/private or loopback/);
    expect(await refuseAddress('http://localhost/x', false)).toMatch(/private or loopback/);
    expect(await refuseAddress('http://[::1]/x', false)).toMatch(/private or loopback/);
    expect(isPrivateAddress('10.1.2.3')).toBe(true);
    expect(isPrivateAddress('169.254.169.254')).toBe(true);
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    expect((await owner.delete(owner.ws(`/webhooks/${hook.id}`))).statusCode).toBe(204);
  });

  it('signs each delivery so the receiver can verify it ("Send test")', async () => {
    received = [];
    answer = () => 200;
    const hook = await subscribe(['topic.created']);
    const res = await owner.post(owner.ws(`/webhooks/${hook.id}/test`), {});
    expect(res.statusCode).toBe(202);
    const [log] = await logUntil(hook.id, (d) => d[0]?.status === 'delivered');
    expect(log).toMatchObject({ event: 'webhook.test', lastStatusCode: 200, attempts: 1 });
    expect(log?.lastResponseMs).toBeTypeOf('number');
    const got = received.find((r) => r.headers['twofold-delivery'] === log?.id);
    const header = String(got?.headers['twofold-signature']);
    const [, stamp, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
    const expected = createHmac('sha256', hook.secret).update(`${stamp}.${got?.body}`).digest('hex');
    expect(v1).toBe(expected);
    expect(JSON.parse(got?.body ?? '{}')).toMatchObject({ event: 'webhook.test', id: log?.id });
    await owner.delete(owner.ws(`/webhooks/${hook.id}`));
  });

  it('retries a failing receiver with backoff until it answers', async () => {
    received = [];
    let calls = 0;
    answer = () => (++calls === 1 ? 500 : 200);
    const hook = await subscribe(['relationship.created']);
    const relId = await relationship();
    const [first] = await logUntil(hook.id, (d) => d[0]?.attempts === 1 && d[0].lastStatusCode === 500);
    expect(first).toMatchObject({ event: 'relationship.created', status: 'pending' });
    expect(new Date(first!.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now());
    // An hour later the next attempt is due, and the receiver now answers.
    const later = new Date(Date.now() + 3_600_000);
    const deps = { db: t.database.db, sessionSecret: t.deps.config.sessionSecret!, allowPrivate: true };
    expect(await runWebhookPass(deps, later)).toBe(1);
    const [second] = await logUntil(hook.id, (d) => d[0]?.status === 'delivered');
    expect(second).toMatchObject({ attempts: 2, lastStatusCode: 200 });
    const body = JSON.parse(received.at(-1)?.body ?? '{}');
    expect(body.data.relationship.id).toBe(relId);
    await owner.delete(owner.ws(`/webhooks/${hook.id}`));
  });

  it('a slow receiver does not hold up the request that triggered the event', async () => {
    received = [];
    let release = () => {};
    let answered = false;
    // The receiver holds its answer for up to 5 seconds.
    answer = () =>
      new Promise<number>((ok) => {
        const timer = setTimeout(() => ok(200), 5_000);
        release = () => {
          clearTimeout(timer);
          ok(200);
        };
      }).finally(() => {
        answered = true;
      });
    const hook = await subscribe(['relationship.created']);
    await owner.post(owner.ws(`/webhooks/${hook.id}/test`), {});
    while (received.length === 0) await new Promise((r) => setTimeout(r, 50));
    // A delivery is in flight; creating a relationship (which queues another) answers at once.
    await relationship();
    expect(answered).toBe(false);
    release();
    await logUntil(hook.id, (d) => d.some((x) => x.event === 'webhook.test' && x.status === 'delivered'));
    await owner.delete(owner.ws(`/webhooks/${hook.id}`));
  });

  it('hears about stage changes, topics and held check-ins', async () => {
    answer = () => 200;
    const hook = await subscribe(['relationship.stage_changed', 'topic.created', 'check_in.held']);
    const relId = await relationship();
    const rel = (p: string) => owner.ws(`/relationships/${relId}${p}`);
    const assessed = await owner.post(rel('/assessments'), {
      stage: 'advisory',
      pyramidLevel: 'desires',
      note: 'They ask us before deciding',
    });
    expect(assessed.statusCode).toBe(201);
    const topic = await owner.post(rel('/topics'), { title: 'Shared roadmap', raisedBy: 'client' });
    expect(topic.statusCode).toBe(201);
    const checkIn = await owner.post(rel('/check-ins'), {
      scheduledFor: new Date(Date.now() - 3_600_000).toISOString(),
      sendInvites: false,
    });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    const held = await owner.patch(rel(`/check-ins/${(checkIn.json() as { id: string }).id}`), {
      status: 'held',
    });
    expect(held.statusCode, held.body).toBe(200);
    const log = await logUntil(hook.id, (d) => d.length === 3 && d.every((x) => x.status === 'delivered'));
    expect(log.map((d) => d.event).sort()).toEqual([
      'check_in.held',
      'relationship.stage_changed',
      'topic.created',
    ]);
    await owner.delete(owner.ws(`/webhooks/${hook.id}`));
  });

  it('hears that a pulse was answered and that a health risk was raised', async () => {
    answer = () => 200;
    const hook = await subscribe(['pulse.responded', 'health.risk_raised']);
    const relId = await relationship();
    const rel = (await owner.get(owner.ws(`/relationships/${relId}`))).json() as { clientId: string };
    await owner.post(owner.ws(`/clients/${rel.clientId}/contacts`), {
      name: 'Hanna',
      email: `${uniq('hanna')}@client.example`,
    });
    const pulse = await owner.post(owner.ws('/pulses'), {
      kind: 'client',
      title: 'Spring pulse',
      relationshipId: relId,
      closesOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(pulse.statusCode, pulse.body).toBe(201);
    const token = (pulse.json() as { links: { url: string }[] }).links[0]!.url.split('/').at(-1)!;
    const answered = await t.anonymous.put(`/api/v1/pulse-responses/${token}`, { score: 3 });
    expect(answered.statusCode, answered.body).toBe(204);
    const log = await logUntil(hook.id, (d) =>
      d.some((x) => x.event === 'pulse.responded' && x.status === 'delivered'),
    );
    expect(log.map((d) => d.event)).toContain('pulse.responded');
    const body = received.map((r) => JSON.parse(r.body)).find((b) => b.event === 'pulse.responded');
    expect(body.data).toMatchObject({ kind: 'client', relationshipId: relId, score: 3 });
    // Five touchpoints all started by us: "only the provider speaks" is a new risk, and subscribers hear of it.
    for (let i = 0; i < 5; i++) {
      const tp = await owner.post(owner.ws(`/relationships/${relId}/touchpoints`), {
        kind: 'call',
        initiatedBy: 'provider',
        occurredAt: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(),
        summary: `Our call ${i}`,
        visibility: 'internal',
      });
      expect(tp.statusCode, tp.body).toBe(201);
    }
    await logUntil(hook.id, (d) =>
      d.some((x) => x.event === 'health.risk_raised' && x.status === 'delivered'),
    );
    const raised = received.map((r) => JSON.parse(r.body)).filter((b) => b.event === 'health.risk_raised');
    expect(raised).toHaveLength(1);
    expect(raised[0].data.relationshipId).toBe(relId);
    expect(raised[0].data.risks.map((r: { key: string }) => r.key)).toEqual(['oneSided']);
    await owner.delete(owner.ws(`/webhooks/${hook.id}`));
  });

  it('keeps other workspaces out, and is for admins only', async () => {
    const hook = await subscribe(['check_in.held']);
    const member = await t.addMember(owner, 'member');
    expect((await member.get(member.ws('/webhooks'))).statusCode).toBe(403);
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/webhooks') },
        { method: 'POST', url: owner.ws('/webhooks'), body: { url: receiverUrl, events: ['topic.created'] } },
        { method: 'GET', url: owner.ws(`/webhooks/${hook.id}`) },
        { method: 'PATCH', url: owner.ws(`/webhooks/${hook.id}`), body: { active: false } },
        { method: 'POST', url: owner.ws(`/webhooks/${hook.id}/test`), body: {} },
        { method: 'GET', url: owner.ws(`/webhooks/${hook.id}/deliveries`) },
        { method: 'DELETE', url: owner.ws(`/webhooks/${hook.id}`) },
      ],
      hook.secret,
    );
  });
});
