import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { parseJsonText, parseWith } from '../../shared/contract/parse';

/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`: fd 3 carries our
 * messages to Chromium, fd 4 Chromium's to us, each one JSON text ended by a NUL byte.
 *
 * Why a pipe: LOCKDOWN.md #12 refuses debugging ports, since any local program could connect to
 * one and drive the kiosk. The pipe is a pair of file descriptors the launcher inherited to its
 * own child: nothing else on the machine can open it, and no port is ever listened on.
 *
 * Bounded: a message larger than MAX_MESSAGE_BYTES closes the client, a command unanswered
 * within its timeout is rejected, and anything that is not a reply to a pending command or a
 * well-formed event is dropped.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

export type DevToolsListener = (params: unknown, sessionId: string | undefined) => void;

export interface DevToolsClient {
  /** The command's `result`; rejects with the protocol's error message, on timeout, or when closed. */
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<unknown>;
  /** Listens to one event (`Target.attachedToTarget`, …) of any session; returns the unsubscribe. */
  on(event: string, listener: DevToolsListener): () => void;
  /** Called once, when the pipe ends or the client is closed. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
  close(): void;
}

export class DevToolsError extends Error {
  override name = 'DevToolsError';
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(`${method}: ${message}`);
  }
}

const ReplySchema = z.object({
  id: z.number().int(),
  result: z.unknown().optional(),
  error: z.object({ code: z.number(), message: z.string().max(4096) }).optional(),
});
const EventSchema = z.object({
  method: z.string().max(128),
  params: z.unknown().optional(),
  sessionId: z.string().max(128).optional(),
});

/**
 * Splits a byte stream into NUL-terminated messages. Bytes are kept until the NUL, then decoded,
 * so a UTF-8 character split across two chunks is not mangled.
 */
export class NulFrameSplitter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  constructor(private readonly maxBytes: number = MAX_MESSAGE_BYTES) {}

  /** The complete messages this chunk ends; throws when one would exceed the bound. */
  push(chunk: Buffer): string[] {
    const messages: string[] = [];
    let start = 0;
    for (let end = chunk.indexOf(0, start); end !== -1; end = chunk.indexOf(0, start)) {
      this.#keep(chunk.subarray(start, end));
      messages.push(Buffer.concat(this.#pending).toString('utf8'));
      this.#pending = [];
      this.#pendingBytes = 0;
      start = end + 1;
    }
    if (start < chunk.length) this.#keep(chunk.subarray(start));
    return messages;
  }

  #keep(part: Buffer): void {
    this.#pendingBytes += part.length;
    if (this.#pendingBytes > this.maxBytes) throw new RangeError('DevTools message too large');
    this.#pending.push(part);
  }
}

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export function createDevToolsClient(toChromium: Writable, fromChromium: Readable, options: { timeoutMs?: number } = {}): DevToolsClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const splitter = new NulFrameSplitter();
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<DevToolsListener>>();
  const closeListeners: (() => void)[] = [];
  let nextId = 1;
  let closed = false;

  function close(): void {
    if (closed) return;
    closed = true;
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      call.reject(new DevToolsError(call.method, 'connection closed'));
      pending.delete(id);
    }
    fromChromium.off('data', onData);
    // Chromium's end of the pipe may already be gone: a late write error must not crash us.
    toChromium.destroy();
    fromChromium.destroy();
    for (const listener of closeListeners.splice(0)) listener();
  }

  function onData(chunk: Buffer): void {
    let messages: string[];
    try {
      messages = splitter.push(chunk);
    } catch {
      // A message past the bound is not one we asked for: stop listening rather than buffer it.
      close();
      return;
    }
    for (const text of messages) dispatch(parseJsonText(text));
  }

  function dispatch(message: unknown): void {
    const reply = parseWith(ReplySchema, message);
    if (reply.ok) {
      const call = pending.get(reply.data.id);
      if (!call) return;
      pending.delete(reply.data.id);
      clearTimeout(call.timer);
      if (reply.data.error) call.reject(new DevToolsError(call.method, reply.data.error.message));
      else call.resolve(reply.data.result ?? {});
      return;
    }
    const event = parseWith(EventSchema, message);
    if (!event.ok) return;
    for (const listener of listeners.get(event.data.method) ?? []) listener(event.data.params, event.data.sessionId);
  }

  fromChromium.on('data', onData);
  fromChromium.once('end', close);
  fromChromium.once('close', close);
  fromChromium.on('error', close);
  toChromium.on('error', close);

  return {
    get closed() {
      return closed;
    },
    send(method, params = {}, sessionId) {
      if (closed) return Promise.reject(new DevToolsError(method, 'connection closed'));
      const id = nextId++;
      return new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new DevToolsError(method, 'timed out'));
        }, timeoutMs);
        pending.set(id, { method, resolve, reject, timer });
        const message = sessionId === undefined ? { id, method, params } : { id, method, params, sessionId };
        toChromium.write(`${JSON.stringify(message)}\0`);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<DevToolsListener>();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
    close,
  };
}
