import { describe, expect, test } from "vitest";
import { addressKey, clientAddress, parseTrustedProxies } from "./client-address";
import { PEER_HEADER } from "./peer-header.mjs";

const peer = (address: string, forwarded?: string) => ({ [PEER_HEADER]: address, ...(forwarded === undefined ? {} : { "x-forwarded-for": forwarded }) });

describe("clientAddress", () => {
  test("with no proxy, the connection's address; X-Forwarded-For and X-Real-IP sent by the client change nothing", () => {
    expect(clientAddress(peer("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress({ ...peer("203.0.113.7", "198.51.100.1, 198.51.100.2"), "x-real-ip": "198.51.100.3" }, 0)).toBe("203.0.113.7");
  });

  test("behind one proxy, the address that proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 10.0.0.1"; the proxy appended the client's real address.
    expect(clientAddress(peer("127.0.0.1", "10.0.0.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(peer("127.0.0.1", "203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  test("behind two proxies, two steps from the connection", () => {
    expect(clientAddress(peer("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1"), 2)).toBe("203.0.113.7");
  });

  test("a request that came through fewer proxies than configured: the farthest address known", () => {
    expect(clientAddress(peer("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(peer("127.0.0.1", "203.0.113.7"), 5)).toBe("203.0.113.7");
  });

  test("without the server's header (next dev), the last X-Forwarded-For entry, which Next fills in; nothing at all: one shared key", () => {
    expect(clientAddress({ "x-forwarded-for": "198.51.100.1, 127.0.0.1" }, 0)).toBe("127.0.0.1");
    expect(clientAddress({}, 0)).toBe("unknown");
    expect(clientAddress(undefined, 0)).toBe("unknown");
  });

  test("header values that are lists or not text", () => {
    expect(clientAddress({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": ["10.0.0.1", "203.0.113.7"] }, 1)).toBe("203.0.113.7");
    expect(clientAddress({ [PEER_HEADER]: 42, "x-forwarded-for": { a: 1 } }, 0)).toBe("unknown");
  });
});

describe("addressKey", () => {
  test("IPv4, with a port, mapped into IPv6", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::FFFF:127.0.0.1")).toBe("127.0.0.1");
  });

  test("IPv6 addresses in one /64 share a key; another /64 does not", () => {
    const a = addressKey("2001:db8:1:2::1");
    expect(a).toBe("2001:0db8:0001:0002::/64");
    expect(addressKey("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe(a);
    expect(addressKey("[2001:DB8:1:2::99]:443")).toBe(a);
    expect(addressKey("2001:db8:1:3::1")).not.toBe(a);
    expect(addressKey("::1")).toBe("0000:0000:0000:0000::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0000:0000:0000::/64");
    expect(addressKey("64:ff9b::192.0.2.33")).toBe("0064:ff9b:0000:0000::/64");
  });

  test("anything else is kept as short text", () => {
    expect(addressKey("_hidden")).toBe("_hidden");
    expect(addressKey("x".repeat(500))).toHaveLength(64);
    expect(addressKey("  ")).toBe("unknown");
  });
});

describe("parseTrustedProxies", () => {
  test("unset or empty is none; a small whole number is taken", () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies(" ")).toBe(0);
    expect(parseTrustedProxies("2")).toBe(2);
  });

  test.each(["-1", "1.5", "yes", "11", "1e1"])("%s is refused with a message that names the setting", (raw) => {
    const r = parseTrustedProxies(raw);
    expect(r).toEqual({ error: expect.stringContaining("CASEFILE_TRUSTED_PROXIES") });
  });
});
