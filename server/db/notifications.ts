import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * What one server process tells the others when state they keep in memory changed in the
 * database or on disk. Nothing secret travels: sessions are named by the SHA-256 of the token,
 * as the sessions table stores them.
 */
export type Change =
  /** A session ended (logout). */
  | { readonly kind: 'session-ended'; readonly tokenHash: string }
  /** Every session of a user must be read again (password changed or reset, account locked). */
  | { readonly kind: 'user-changed'; readonly userId: string }
  /** A procedure definition was saved (its file re-read, its new version registered). */
  | { readonly kind: 'procedure-saved'; readonly id: string };

/** Called with another process's change, or with `resync` when changes may have been missed. */
export type ChangeListener = (change: Change | { readonly kind: 'resync' }) => void;

/** The change feed between the server processes on one database. */
export interface ChangeFeed {
  /** Tell the other processes (not this one: the caller has already applied the change). */
  publish(change: Change): void;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** The NOTIFY channel. */
export const CHANGES_CHANNEL = 'motcua_changes';

/** One process on SQLite: nobody else to tell. */
export function localChangeFeed(): ChangeFeed {
  return { publish: () => undefined, subscribe: () => () => undefined, close: async () => {} };
}

/**
 * PostgreSQL `LISTEN/NOTIFY` on a dedicated connection (a pooled one would drop the LISTEN when
 * released). A notification reaches every listening process within milliseconds of the
 * publisher's `NOTIFY`. When the connection is lost, it is opened again with a growing pause,
 * and listeners get `resync` (notifications sent meanwhile are lost: caches start over); until
 * then the session cache's 30 s lifetime bounds how stale a process can be.
 */
export async function postgresChangeFeed(
  url: string,
  options: { onError?: (error: Error) => void } = {},
): Promise<ChangeFeed> {
  const origin = randomUUID();
  const listeners = new Set<ChangeListener>();
  const onError = options.onError ?? ((e) => console.error('change feed:', e.message));
  const emit = (change: Change | { kind: 'resync' }) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        onError(error as Error);
      }
    }
  };
  let closed = false;
  let listener: pg.Client | undefined;
  let retryMs = 100;
  let reconnect: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      try {
        const { origin: from, change } = JSON.parse(message.payload) as {
          origin: string;
          change: Change;
        };
        if (from !== origin) emit(change);
      } catch (error) {
        onError(error as Error);
      }
    });
    client.on('error', (error) => {
      onError(error);
      if (listener === client) listener = undefined;
      void client.end().catch(() => undefined);
      scheduleReconnect();
    });
    await client.connect();
    await client.query(`listen ${CHANGES_CHANNEL}`);
    if (closed) {
      await client.end();
      return;
    }
    listener = client;
    retryMs = 100;
  };
  const scheduleReconnect = () => {
    if (closed || reconnect) return;
    reconnect = setTimeout(() => {
      reconnect = undefined;
      connect()
        .then(() => emit({ kind: 'resync' }))
        .catch((error: Error) => {
          onError(error);
          retryMs = Math.min(retryMs * 2, 10_000);
          scheduleReconnect();
        });
    }, retryMs);
    reconnect.unref();
  };

  // Notifications are sent on a connection of their own too, so that a busy pool never delays
  // a session's end; NOTIFY outside a transaction is delivered at once.
  const sender = new pg.Pool({ connectionString: url, max: 1 });
  sender.on('error', (error) => onError(error));

  await connect();
  return {
    publish(change) {
      sender
        .query('select pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ origin, change })])
        .catch((error: Error) => onError(error));
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      closed = true;
      if (reconnect) clearTimeout(reconnect);
      await listener?.end().catch(() => undefined);
      await sender.end().catch(() => undefined);
    },
  };
}
