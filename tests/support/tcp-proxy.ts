import net from 'node:net';

// A TCP proxy between the browser and the dashboard server, so a test can drop the network
// and bring it back. `cut()` resets every open connection and refuses new ones (a cable pulled
// with the far side answering RST); `blackhole()` keeps connections open but lets nothing
// through, as a network that silently loses packets; `restore()` forwards again.

export class TcpProxy {
  private server: net.Server | null = null;
  private readonly open = new Set<net.Socket>();
  private silent = false;

  /** The proxy's port: chosen on the first listen, kept for every restore. */
  port = 0;

  private constructor(private readonly target: number) {}

  static async start(target: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await proxy.listen();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.open) s.resetAndDestroy();
    this.open.clear();
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }

  blackhole(): void {
    this.silent = true;
  }

  async restore(): Promise<void> {
    // Connections that lost data in the black hole are broken streams: they end here.
    if (this.silent) for (const s of this.open) s.resetAndDestroy();
    this.silent = false;
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private listen(): Promise<void> {
    const server = net.createServer((client) => this.pipe(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  private pipe(client: net.Socket): void {
    const upstream = net.connect(this.target, '127.0.0.1');
    for (const s of [client, upstream]) {
      this.open.add(s);
      s.on('close', () => this.open.delete(s));
      s.on('error', () => undefined);
    }
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk) => {
        if (!this.silent) to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
