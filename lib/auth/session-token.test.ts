import { describe, expect, test } from "vitest";
import { decode, encode, getToken } from "next-auth/jwt";
import { decodeSessionToken, SESSION_TOKEN_MEMO_SIZE, sessionTokenMemoSize } from "./session-token";

const secret = "a test secret of reasonable length, not used anywhere else";

const cookieRequest = (token: string) => ({ req: { cookies: { "next-auth.session-token": token }, headers: {} } as never, secret, decode: decodeSessionToken });

describe("session cookie decoding, remembered per cookie", () => {
  test("answers as next-auth's decode does, and remembers each cookie once", async () => {
    const token = await encode({ token: { uid: "u1", sv: 3, name: "A" }, secret });
    const before = sessionTokenMemoSize();
    const first = await decodeSessionToken({ token, secret });
    const second = await decodeSessionToken({ token, secret });
    expect(first).toEqual(await decode({ token, secret }));
    expect(first).toMatchObject({ uid: "u1", sv: 3 });
    expect(second).toBe(first);
    expect(sessionTokenMemoSize()).toBe(before + 1);
    expect(await getToken(cookieRequest(token))).toMatchObject({ uid: "u1", sv: 3 });
  });

  test("a remembered cookie is refused once it has expired (next-auth's 15 s tolerance)", async () => {
    const token = await encode({ token: { uid: "u2", sv: 1 }, secret, maxAge: 60 });
    const now = Date.now();
    expect(await decodeSessionToken({ token, secret }, now)).toMatchObject({ uid: "u2" });
    expect(await decodeSessionToken({ token, secret }, now + 70_000)).toMatchObject({ uid: "u2" });
    await expect(decodeSessionToken({ token, secret }, now + 80_000)).rejects.toThrow();
    // Dropped from the memo: not accepted again later either.
    await expect(decodeSessionToken({ token, secret }, now + 80_000)).rejects.toThrow();
  });

  test("a cookie is only ever accepted under the secret it was made with", async () => {
    const token = await encode({ token: { uid: "u3", sv: 1 }, secret });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ uid: "u3" });
    await expect(decodeSessionToken({ token, secret: `${secret}, rotated` })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: "another purpose" })).rejects.toThrow();
    expect(await getToken({ ...cookieRequest(token), secret: `${secret}, rotated` })).toBeNull();
  });

  test("altered or forged cookies are refused and not remembered", async () => {
    const token = await encode({ token: { uid: "u4", sv: 1 }, secret });
    const before = sessionTokenMemoSize();
    const parts = token.split(".");
    const flipped = parts[3]![0] === "A" ? "B" : "A";
    const altered = [...parts.slice(0, 3), flipped + parts[3]!.slice(1), parts[4]].join(".");
    await expect(decodeSessionToken({ token: altered, secret })).rejects.toThrow();
    await expect(decodeSessionToken({ token: "not a token", secret })).rejects.toThrow();
    expect(await getToken(cookieRequest(altered))).toBeNull();
    expect(sessionTokenMemoSize()).toBe(before);
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });

  test("keeps at most SESSION_TOKEN_MEMO_SIZE cookies, dropping the least recently used", async () => {
    const kept = await encode({ token: { uid: "kept", sv: 1 }, secret });
    const remembered = await decodeSessionToken({ token: kept, secret });
    for (let i = 0; i < SESSION_TOKEN_MEMO_SIZE + 5; i++) {
      const t = await encode({ token: { uid: `many-${i}`, sv: 1 }, secret });
      await decodeSessionToken({ token: t, secret });
      if (i % 100 === 0) await decodeSessionToken({ token: kept, secret }); // used now and then: stays
    }
    expect(sessionTokenMemoSize()).toBe(SESSION_TOKEN_MEMO_SIZE);
    // Still remembered (the same object, not decoded again), though more than the bound were added after it.
    expect(await decodeSessionToken({ token: kept, secret })).toBe(remembered);
  }, 60_000);
});
