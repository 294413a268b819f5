import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWholeRequest, startFaultProxy, type FaultProxy } from '../../support/fault-proxy';

/**
 * The fault proxy against a tiny real HTTP server on loopback: what reaches the server and what
 * comes back to the client under each fault, and that switching applies to the next request.
 */
const PAYLOAD = { ok: true, filler: 'x'.repeat(2_000) };

let server: Server;
let proxy: FaultProxy;
let served = 0;

beforeEach(async () => {
  served = 0;
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      served += 1;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(PAYLOAD));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  proxy = await startFaultProxy(`http://127.0.0.1:${address.port}`);
});
afterEach(async () => {
  await proxy.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function post(signal?: AbortSignal): Promise<Response> {
  return fetch(`${proxy.url}/v1/things`, { method: 'POST', body: JSON.stringify({ a: 1 }), headers: { 'content-type': 'application/json' }, signal });
}

async function postText(signal?: AbortSignal): Promise<{ status: number; text: string }> {
  const response = await post(signal);
  return { status: response.status, text: await response.text() };
}

describe('fault proxy', () => {
  it('passes requests and answers through untouched', async () => {
    expect(await postText()).toEqual({ status: 200, text: JSON.stringify(PAYLOAD) });
    expect(served).toBe(1);
    expect(proxy.connections.pass).toBeGreaterThan(0);
  });

  it('refuses: the connection is reset and the server sees nothing', async () => {
    proxy.setFault('refuse');
    await expect(post()).rejects.toThrow();
    expect(served).toBe(0);
    expect(proxy.connections.refuse).toBeGreaterThan(0);
  });

  it('stalls: reads the request, never answers, never forwards', async () => {
    proxy.setFault('stall');
    await expect(post(AbortSignal.timeout(300))).rejects.toThrow(/abort|timeout/i);
    expect(served).toBe(0);
    expect(proxy.connections.stall).toBe(1);
  });

  it('cuts: the server handles the request, the client gets part of the answer and an error', async () => {
    proxy.setFault('cut');
    await expect(postText()).rejects.toThrow();
    expect(served).toBe(1);
  });

  it.each([
    ['http500', 500],
    ['http503', 503],
  ] as const)('%s: answered by the proxy, the server sees nothing', async (fault, status) => {
    proxy.setFault(fault);
    const { status: got, text } = await postText();
    expect(got).toBe(status);
    expect(JSON.parse(text)).toHaveProperty('error.code');
    expect(served).toBe(0);
  });

  it('malformedJson: a 200 whose body is not JSON', async () => {
    proxy.setFault('malformedJson');
    const { status, text } = await postText();
    expect(status).toBe(200);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    expect(served).toBe(0);
  });

  it('wrongShape: a 200 with valid JSON of another shape', async () => {
    proxy.setFault('wrongShape');
    const { status, text } = await postText();
    expect(status).toBe(200);
    expect(JSON.parse(text)).not.toHaveProperty('ok');
    expect(served).toBe(0);
  });

  it('applies a switch to a keep-alive connection opened before it, and counts per fault', async () => {
    expect((await postText()).status).toBe(200);
    proxy.setFault('http503');
    expect((await postText()).status).toBe(503);
    proxy.setFault('pass');
    expect((await postText()).status).toBe(200);
    expect(served).toBe(2);
    expect(proxy.connections).toMatchObject({ pass: 2, http503: 1, refuse: 0, cut: 0 });
  });
});

describe('isWholeRequest', () => {
  it('waits for the sized body, or the last chunk of a chunked one', () => {
    const head = 'POST / HTTP/1.1\r\ncontent-length: 5\r\n\r\n';
    expect(isWholeRequest(Buffer.from('POST / HTTP/1.1\r\ncontent-len'))).toBe(false);
    expect(isWholeRequest(Buffer.from(`${head}abc`))).toBe(false);
    expect(isWholeRequest(Buffer.from(`${head}abcde`))).toBe(true);
    expect(isWholeRequest(Buffer.from('GET / HTTP/1.1\r\nhost: x\r\n\r\n'))).toBe(true);
    const chunked = 'POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n';
    expect(isWholeRequest(Buffer.from(chunked))).toBe(false);
    expect(isWholeRequest(Buffer.from(`${chunked}0\r\n\r\n`))).toBe(true);
  });
});
