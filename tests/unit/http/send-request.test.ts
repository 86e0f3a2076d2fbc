import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendRequest } from "@/server/http/send-request";

// Real sockets on 127.0.0.1: what the HandCash client relies on from its transport.

const servers: http.Server[] = [];

async function listen(handler: http.RequestListener): Promise<{ url: string; connections: () => number }> {
  const server = http.createServer(handler);
  let connections = 0;
  server.on("connection", () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve).closeAllConnections())));
});

const base = { headers: {}, timeoutMs: 2_000, maxResponseBytes: 1024 };

describe("sendRequest", () => {
  it("sends the method, headers and body, and reads the status and whole answer", async () => {
    const server = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () =>
        res.writeHead(201).end(JSON.stringify({ method: req.method, type: req.headers["content-type"], length: req.headers["content-length"], body })),
      );
    });
    const answer = await sendRequest({
      ...base,
      method: "POST",
      url: new URL(`${server.url}/x`),
      headers: { "content-type": "application/json" },
      body: '{"é":1}',
    });
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.text)).toEqual({ method: "POST", type: "application/json", length: "8", body: '{"é":1}' });
  });

  it("keeps the connection open between calls", async () => {
    const server = await listen((_req, res) => res.end("ok"));
    for (let i = 0; i < 3; i++) expect((await sendRequest({ ...base, method: "GET", url: new URL(server.url) })).text).toBe("ok");
    expect(server.connections()).toBe(1);
  });

  it("gives up when no complete answer comes within the deadline, even if bytes keep trickling", async () => {
    const server = await listen((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => res.write("."), 50);
      res.on("close", () => clearInterval(drip));
    });
    await expect(sendRequest({ ...base, timeoutMs: 300, method: "GET", url: new URL(server.url) })).rejects.toThrow("no answer within 300 ms");
  });

  it("abandons an answer larger than allowed", async () => {
    const server = await listen((_req, res) => res.end("x".repeat(5_000)));
    await expect(sendRequest({ ...base, method: "GET", url: new URL(server.url) })).rejects.toThrow("the answer exceeded 1024 bytes");
  });

  it("rejects when nothing listens", async () => {
    const server = await listen((_req, res) => res.end());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(sendRequest({ ...base, method: "GET", url: new URL(server.url) })).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("repeats a GET, but not a POST, on a fresh connection when a reused one was closed under it", async () => {
    // The server drops every second request on a connection without answering, as a server
    // closing an idle keep-alive connection at the moment it is reused looks to the client.
    const server = await listen((req, res) => {
      const socket = req.socket as typeof req.socket & { served?: number };
      socket.served = (socket.served ?? 0) + 1;
      if (socket.served > 1) socket.destroy();
      else res.end("answered");
    });
    const url = new URL(server.url);
    await sendRequest({ ...base, method: "GET", url });
    expect((await sendRequest({ ...base, method: "GET", url })).text).toBe("answered");
    expect(server.connections()).toBe(2);

    await expect(sendRequest({ ...base, method: "POST", url, body: "{}" })).rejects.toThrow();
    expect(server.connections()).toBe(2);
  });
});
