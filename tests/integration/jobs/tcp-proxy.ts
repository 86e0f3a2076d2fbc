/**
 * A TCP proxy in front of PostgreSQL that a test can cut, as a network failure or a stopped server
 * would: open connections are torn down and new ones refused until it is restored. The real server
 * keeps running for everything else (the test's own checks, the other test files).
 */
import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Local ports of the proxy's connections to the server, as PostgreSQL sees them (`client_port`). */
  upstreamPorts(): number[];
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    const pair = { client, upstream };
    pairs.add(pair);
    const tearDown = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", tearDown).on("close", tearDown);
    upstream.on("error", tearDown).on("close", tearDown);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const cut = async () => {
    const closed = stopListening();
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
    await closed;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    upstreamPorts: () => [...pairs].map(({ upstream }) => upstream.localPort).filter((local): local is number => local !== undefined),
    cut,
    restore: listen,
    close: cut,
  };
}
