import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDevToolsClient, DevToolsError, NulFrameSplitter } from '../../../electron/browser/chromium-devtools';

/** Chromium's side of `--remote-debugging-pipe`, played over two in-memory streams. */
function pipes(timeoutMs?: number) {
  const toChromium = new PassThrough();
  const fromChromium = new PassThrough();
  const client = createDevToolsClient(toChromium, fromChromium, { timeoutMs });
  const sent: unknown[] = [];
  const splitter = new NulFrameSplitter();
  toChromium.on('data', (chunk: Buffer) => sent.push(...splitter.push(chunk).map((text) => JSON.parse(text) as unknown)));
  const reply = (message: unknown) => fromChromium.write(`${JSON.stringify(message)}\0`);
  return { client, sent, reply, fromChromium };
}

describe('NUL-framed messages', () => {
  it('joins a message split across chunks, a UTF-8 character included', () => {
    const splitter = new NulFrameSplitter();
    const bytes = Buffer.from('{"method":"é"}\0');
    expect(splitter.push(bytes.subarray(0, 12))).toEqual([]);
    expect(splitter.push(bytes.subarray(12))).toEqual(['{"method":"é"}']);
  });

  it('returns every message of one chunk, and keeps the unfinished tail', () => {
    const splitter = new NulFrameSplitter();
    expect(splitter.push(Buffer.from('{"id":1}\0{"id":2}\0{"id"'))).toEqual(['{"id":1}', '{"id":2}']);
    expect(splitter.push(Buffer.from(':3}\0'))).toEqual(['{"id":3}']);
  });

  it('refuses a message past its bound', () => {
    const splitter = new NulFrameSplitter(8);
    expect(() => splitter.push(Buffer.from('{"id":12345}'))).toThrow(RangeError);
  });
});

describe('DevTools client', () => {
  it('sends NUL-terminated commands and resolves each with its own result', async () => {
    const { client, sent, reply } = pipes();
    const first = client.send('Target.getTargets');
    const second = client.send('Page.navigate', { url: 'http://127.0.0.1:1/' }, 'S1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([
      { id: 1, method: 'Target.getTargets', params: {} },
      { id: 2, method: 'Page.navigate', params: { url: 'http://127.0.0.1:1/' }, sessionId: 'S1' },
    ]);
    reply({ id: 2, result: { frameId: 'F' } });
    reply({ id: 1, result: { targetInfos: [] } });
    await expect(first).resolves.toEqual({ targetInfos: [] });
    await expect(second).resolves.toEqual({ frameId: 'F' });
    client.close();
  });

  it('rejects with the protocol error', async () => {
    const { client, reply } = pipes();
    const call = client.send('Nope.method');
    reply({ id: 1, error: { code: -32601, message: "'Nope.method' wasn't found" } });
    await expect(call).rejects.toThrow(new DevToolsError('Nope.method', "'Nope.method' wasn't found"));
    client.close();
  });

  it('delivers events with their session, and ignores garbage and unknown ids', async () => {
    const { client, reply, fromChromium } = pipes();
    const heard: unknown[] = [];
    client.on('Inspector.targetCrashed', (params, sessionId) => heard.push({ params, sessionId }));
    fromChromium.write('not json\0{"id":"x"}\0[1,2]\0');
    reply({ id: 99, result: {} });
    reply({ method: 'Inspector.targetCrashed', params: {}, sessionId: 'S1' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual([{ params: {}, sessionId: 'S1' }]);
    expect(client.closed).toBe(false);
    client.close();
  });

  it('rejects a command nobody answers, and every pending one when the pipe ends', async () => {
    const { client, fromChromium } = pipes(20);
    await expect(client.send('Page.crash')).rejects.toThrow('timed out');
    const pending = client.send('Target.getTargets');
    let closed = false;
    client.onClose(() => (closed = true));
    fromChromium.end();
    await expect(pending).rejects.toThrow('connection closed');
    expect(closed).toBe(true);
    await expect(client.send('Target.getTargets')).rejects.toThrow('connection closed');
  });
});
