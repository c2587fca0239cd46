import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Failed sign-ins are counted per account (the e-mail as typed, lower-cased, whether or not
// such an account exists, so the answer reveals nothing) and per client address.
// In memory: one app process serves a Casefile installation.
type Limiters = { account: RateLimiterMemory; address: RateLimiterMemory };
const g = globalThis as unknown as { __casefileThrottle?: Limiters };

function limiters(): Limiters {
  g.__casefileThrottle ??= {
    account: new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60, blockDuration: 15 * 60 }),
    address: new RateLimiterMemory({ keyPrefix: "signin-address", points: 20, duration: 15 * 60, blockDuration: 15 * 60 }),
  };
  return g.__casefileThrottle;
}

export async function isThrottled(email: string, address: string): Promise<boolean> {
  const { account, address: addr } = limiters();
  const [a, b] = await Promise.all([account.get(email.toLowerCase()), addr.get(address)]);
  return (a?.consumedPoints ?? 0) >= 5 || (b?.consumedPoints ?? 0) >= 20;
}

export async function recordFailure(email: string, address: string): Promise<void> {
  const { account, address: addr } = limiters();
  await Promise.all([
    account.consume(email.toLowerCase()).catch((e) => {
      if (!(e instanceof RateLimiterRes)) throw e;
    }),
    addr.consume(address).catch((e) => {
      if (!(e instanceof RateLimiterRes)) throw e;
    }),
  ]);
}

export async function clearFailures(email: string): Promise<void> {
  await limiters().account.delete(email.toLowerCase());
}
