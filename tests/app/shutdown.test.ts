/** Stopping the server lets requests in flight finish (up to a grace period) and takes no new ones. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { drain } from "../../src/server/app/start";

describe("graceful shutdown", () => {
  it("finishes a request in flight, then stops; a request in flight past the grace period is cut", async () => {
    const server = http.createServer((_req, res) => setTimeout(() => res.end("done"), 300));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const inFlight = fetch(url).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const stopped = drain(server, 5_000);
    expect(await inFlight).toBe("done");
    await stopped;
    await expect(fetch(url)).rejects.toThrow();

    const slow = http.createServer(() => undefined);
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    const hung = fetch(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await drain(slow, 200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await hung).toBeInstanceOf(Error);
  });
});
