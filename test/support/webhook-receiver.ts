import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST as the receiver got it, with the instant it arrived. */
export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  receivedAt: number;
}

/** How the receiver answers a request; by default 200 `ok`. */
export type Answer = (request: IncomingMessage, response: ServerResponse, body: string) => void;

/**
 * A real webhook receiver on 127.0.0.1 (node:http), recording what it gets. `answer` can be swapped while
 * it runs (down, slow, hostile); `stop` closes it and every connection, and `start` may reopen it on the
 * same port.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  answer: Answer = (_request, response) => response.end('ok');
  private server: Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(port = this.port): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
        this.received.push({ path: request.url ?? '', headers, body, receivedAt: Date.now() });
        this.answer(request, response, body);
      });
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The event ids received, each with how many times it came. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const { headers } of this.received) counts.set(headers['webhook-id'], (counts.get(headers['webhook-id']) ?? 0) + 1);
    return counts;
  }

  /** Waits until `done` holds (checked every 50 ms), failing after `timeoutMs`. */
  async waitFor(done: () => boolean, timeoutMs = 20_000, what = 'webhooks'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received ${this.received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
