import { createServer, connect, type Socket } from 'node:net';

/**
 * A real TCP proxy on 127.0.0.1:0 between the kiosk core and the server, whose fault is switched
 * at run time (issue 5: sync "proven under faults"). Each connection takes the fault current
 * when it is accepted; switching destroys every open connection, so a keep-alive socket opened
 * under `pass` cannot carry requests past a new fault.
 */
export const FAULTS = ['pass', 'refuse', 'stall', 'cut', 'http500', 'http503', 'malformedJson', 'wrongShape'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: what the kiosk is pointed at. */
  readonly url: string;
  readonly fault: Fault;
  /** Connections accepted under each fault since the proxy started. */
  readonly connections: Readonly<Record<Fault, number>>;
  setFault(fault: Fault): void;
  /**
   * Holds each answer of the server this long before passing it on (`pass` only): a link that
   * works but slowly. Taken per connection when accepted; setting it closes open connections.
   */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

/** The proxy's own answers; `Connection: close` so the client never reuses the socket. */
const OWN_ANSWERS: Partial<Record<Fault, { status: string; body: string }>> = {
  http500: { status: '500 Internal Server Error', body: '{"error":{"code":"INTERNAL"}}' },
  http503: { status: '503 Service Unavailable', body: '{"error":{"code":"OFFLINE"}}' },
  // A body cut mid-value: not JSON at all.
  malformedJson: { status: '200 OK', body: '{"activationId":"a1b2c3","login":"trunc' },
  // Valid JSON, but the shape of no response of the enrollment API.
  wrongShape: { status: '200 OK', body: '{"hello":"world","items":[1,2,3]}' },
};

function answer(fault: Fault): string {
  const own = OWN_ANSWERS[fault];
  if (!own) throw new Error(`no answer of its own for ${fault}`);
  return `HTTP/1.1 ${own.status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(own.body)}\r\nconnection: close\r\n\r\n${own.body}`;
}

/** True once `buffer` holds a whole HTTP/1.1 request (headers, then a sized or chunked body). */
export function isWholeRequest(buffer: Buffer): boolean {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = buffer.subarray(0, end).toString('latin1');
  const body = buffer.subarray(end + 4);
  if (/^transfer-encoding:\s*chunked/im.test(head)) return body.includes('0\r\n\r\n');
  const length = /^content-length:\s*(\d+)/im.exec(head)?.[1];
  return body.length >= Number(length ?? 0);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const connections = Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<Fault, number>;
  let fault: Fault = 'pass';
  let delayMs = 0;

  function track(socket: Socket): Socket {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset or an early close is the point here, not a test failure.
    socket.on('error', () => socket.destroy());
    return socket;
  }

  function forward(client: Socket, cutResponse: boolean, holdMs: number): void {
    const server = track(connect(Number(upstream.port), upstream.hostname));
    client.pipe(server);
    if (holdMs > 0 && !cutResponse) {
      server.on('data', (chunk: Buffer) => {
        server.pause();
        setTimeout(() => {
          if (!client.destroyed) client.write(chunk);
          server.resume();
        }, holdMs);
      });
    } else if (!cutResponse) {
      server.pipe(client);
    } else {
      // The server has answered, so it has committed: the client gets part of it, then nothing.
      server.once('data', (chunk: Buffer) => {
        client.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), () => {
          client.destroy();
          server.destroy();
        });
      });
    }
    // A held answer is still on its way when the server closes: the client goes after it.
    server.on('close', () => (holdMs > 0 ? setTimeout(() => client.destroy(), holdMs + 100) : client.destroy()));
    client.on('close', () => server.destroy());
  }

  function answerOwn(client: Socket, current: Fault): void {
    let received = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (isWholeRequest(received)) client.end(answer(current));
    });
  }

  const proxy = createServer((client) => {
    track(client);
    const current = fault;
    connections[current] += 1;
    if (current === 'pass' || current === 'cut') forward(client, current === 'cut', delayMs);
    else if (current === 'refuse') client.resetAndDestroy();
    else if (current === 'stall') client.resume();
    else answerOwn(client, current);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    get fault() {
      return fault;
    },
    connections,
    setFault(next: Fault): void {
      fault = next;
      for (const socket of sockets) socket.destroy();
    },
    setDelay(ms: number): void {
      delayMs = ms;
      for (const socket of sockets) socket.destroy();
    },
    async close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
