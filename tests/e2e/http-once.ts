import { request as httpRequest } from "node:http";

export type OnceInit = { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string };

/**
 * One HTTP request on a connection of its own, closed after the answer, as node:http sends it:
 * from a chosen local address if given (the loopback network is all 127.0.0.0/8), and never on a
 * connection kept from an earlier request (a server of several processes hands each new
 * connection to one of them).
 */
export function requestOnce(url: string, init: OnceInit = {}) {
  return new Promise<{ status: number; cookies: string[]; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? "GET", headers: { ...init.headers, connection: "close" }, localAddress: init.localAddress, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, cookies: res.headers["set-cookie"] ?? [], body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
