import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJsonRequester } from '../../../electron/core/sync/json-request';

/**
 * A keep-alive socket closed by the far side while idle (a proxy restarting, a NAT forgetting
 * it) must not cost the person an OFFLINE screen: the request is sent again once on a new
 * socket. A raw TCP server on loopback plays the far side, so the drop is a real one.
 */
const Answer = z.object({ n: z.number() });

interface Far {
  url: string;
  /** Requests received, per connection, in order of connection. */
  requests: number[];
  close(): Promise<void>;
}

/** Answers `{"n": k}` for the k-th request overall; `drop(connection, request)` says when to close instead. */
async function startFar(drop: (connection: number, request: number) => boolean): Promise<Far> {
  const requests: number[] = [];
  let answered = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const connection = requests.push(0) - 1;
    let buffered = '';
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(buffered.slice(0, end))?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = buffered.slice(end + 4 + length);
      const request = requests[connection] ?? 0;
      requests[connection] = request + 1;
      if (drop(connection, request)) {
        socket.destroy();
        return;
      }
      answered += 1;
      const body = JSON.stringify({ n: answered });
      socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nkeep-alive: timeout=60\r\n\r\n${body}`);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let far: Far | undefined;
afterEach(async () => {
  await far?.close();
});

function requester(url: string, contacts: boolean[]) {
  return createJsonRequester({ baseUrl: url, token: 't', fetch, timeoutMs: 2_000, onContact: (reachable) => contacts.push(reachable) }, 'test');
}

describe('a keep-alive socket closed while idle', () => {
  it('is retried once on a new socket: the person gets the answer, the link is never reported down', async () => {
    // The second request on the first connection meets a socket the far side has given up on.
    far = await startFar((connection, request) => connection === 0 && request === 1);
    const contacts: boolean[] = [];
    const client = requester(far.url, contacts);
    expect(await client.send({ route: 'lookups', method: 'POST', path: '/v1/lookups', body: {} }, Answer)).toEqual({ ok: true, value: { n: 1 } });
    // undici gives the socket back to its pool a few ticks after the body is read.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await client.send({ route: 'lookups', method: 'POST', path: '/v1/lookups', body: {} }, Answer)).toEqual({ ok: true, value: { n: 2 } });
    expect(far.requests).toEqual([2, 1]);
    expect(contacts).toEqual([true, true]);
  });

  it('is retried only once: a far side that drops every request is OFFLINE after two tries', async () => {
    far = await startFar(() => true);
    const contacts: boolean[] = [];
    const client = requester(far.url, contacts);
    expect(await client.send({ route: 'lookups', method: 'POST', path: '/v1/lookups', body: {} }, Answer)).toEqual({ ok: false, error: { code: 'OFFLINE' }, retryable: true });
    expect(far.requests).toEqual([1, 1]);
    expect(contacts).toEqual([false]);
  });
});
