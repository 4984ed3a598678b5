import { createServer, connect, Server, Socket } from 'node:net';

/**
 * A loopback TCP proxy between the app and MariaDB, so a suite can simulate a database outage without
 * touching the shared server: `cut()` destroys every open connection and refuses new ones (the listening
 * port stays, accepted sockets are reset at once), `restore()` forwards again.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private open = true;
  private silent = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Open connections through the proxy (client side). */
  get connections(): number {
    return this.sockets.size;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private accept(client: Socket): void {
    this.track(client);
    if (!this.open) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(this.targetPort, this.targetHost);
    this.track(upstream);
    // Forwarded unless blackholed: then bytes are swallowed, as a partitioned network would.
    client.on('data', (chunk) => void (this.silent || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (this.silent || client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** The database "goes away": every connection dies now, new ones are refused until restore(). */
  cut(): void {
    this.open = false;
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void {
    this.open = true;
    this.silent = false;
  }

  /** A network partition: connections stay open (old and new) but no byte gets through until restore(). */
  blackhole(): void {
    this.silent = true;
  }

  async stop(): Promise<void> {
    this.cut();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** `mysql://user@host:port/db` rewritten to go through the proxy on 127.0.0.1:`port`. */
export function viaProxy(databaseUrl: string, port: number): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

export function targetOf(databaseUrl: string): { host: string; port: number } {
  const url = new URL(databaseUrl);
  return { host: url.hostname, port: Number(url.port || 3306) };
}
