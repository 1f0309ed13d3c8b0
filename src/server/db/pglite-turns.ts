import type { PGlite, Transaction } from '@electric-sql/pglite';
import { installDrizzleParsers, withoutInstalledParsers } from './pglite-parsers';

/**
 * The embedded database runs each statement synchronously on the thread that also serves HTTP, and a
 * resolved statement continues its request in the same microtask flush. Left alone, one turn of the event
 * loop then carries every in-flight request to its end, the turn grows with the load (≈ 300 ms at 100
 * connections), and Node accepts one waiting connection per turn: under a burst of new connections the
 * last ones waited over 10 s before the server even read them (ADR 014).
 *
 * So every statement takes a turn: statements start one per event-loop turn, in the order they asked,
 * and between two of them the loop accepts connections and reads sockets. Nothing waits on a statement's
 * end to hand out the next turn, so a statement blocked on another's transaction never stalls the queue.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function handOut(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) {
    scheduled = true;
    setImmediate(handOut);
  }
}

/** Resolves when this statement may start. */
export function statementTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(handOut);
    }
  });
}

/** Statements waiting for a turn (for the bench and tests). */
export function statementsWaiting(): number {
  return waiting.length;
}

function takingTurns(tx: Transaction): Transaction {
  return {
    ...tx,
    get closed() {
      return tx.closed;
    },
    query: async (...[text, params, options]: Parameters<Transaction['query']>) => {
      await statementTurn();
      return tx.query(text, params, withoutInstalledParsers(options));
    },
    sql: async (...args: Parameters<Transaction['sql']>) => {
      await statementTurn();
      return tx.sql(...args);
    },
    exec: async (...args: Parameters<Transaction['exec']>) => {
      await statementTurn();
      return tx.exec(...args);
    },
  } as Transaction;
}

/**
 * The same PGlite, whose statements (in and out of transactions) each wait for their turn, and which reads
 * drizzle's text types as text without being told per statement (`pglite-parsers.ts`).
 */
export function withStatementTurns(client: PGlite): PGlite {
  installDrizzleParsers(client);
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') {
        return async (...[text, params, options]: Parameters<PGlite['query']>) => {
          await statementTurn();
          return target.query(text, params, withoutInstalledParsers(options));
        };
      }
      if (prop === 'exec' || prop === 'sql') {
        const method = Reflect.get(target, prop, target) as (...a: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          await statementTurn();
          return method.apply(target, args);
        };
      }
      if (prop === 'transaction') {
        return async <T>(fn: (tx: Transaction) => Promise<T>) => {
          await statementTurn();
          return target.transaction((tx) => fn(takingTurns(tx)));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
