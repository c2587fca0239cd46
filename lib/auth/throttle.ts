import "server-only";
import cluster from "node:cluster";
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRes, type IRateLimiterOptions } from "rate-limiter-flexible";

// Failed sign-ins are counted per account (the e-mail as typed, lower-cased, whether or not
// such an account exists, so the answer reveals nothing) and per client address.
// A sign-in presenting a valid device cookie for the account (lib/auth/device-cookie.ts) is
// counted per device instead of per account: it neither adds to the account's count nor is
// stopped by it, so failures from other browsers cannot lock the owner out of their own.
// The address limit applies to every attempt alike.
// In memory: in the one server process, or, when the server runs several (CASEFILE_SERVER_PROCESSES,
// lib/cli/http-server.mjs), in the process that started them, which every worker asks, so that
// the limits hold for the installation and not once per process.
const ACCOUNT_POINTS = 5;
const DEVICE_POINTS = 5;
const ADDRESS_POINTS = 20;
const WINDOW = 15 * 60;

type Limiter = RateLimiterMemory | RateLimiterCluster;
type Limiters = { account: Limiter; address: Limiter; device: Limiter };
const g = globalThis as unknown as { __casefileThrottle?: Limiters };

/** How long a worker waits for the supervisor's answer before the attempt fails. */
const CLUSTER_TIMEOUT_MS = 5_000;

function limiter(options: IRateLimiterOptions): Limiter {
  return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: CLUSTER_TIMEOUT_MS }) : new RateLimiterMemory(options);
}

function limiters(): Limiters {
  // Made whole again if an older build's pair (without the device limiter) is still there.
  if (!g.__casefileThrottle?.device) {
    g.__casefileThrottle = {
      account: limiter({ keyPrefix: "signin-account", points: ACCOUNT_POINTS, duration: WINDOW, blockDuration: WINDOW }),
      address: limiter({ keyPrefix: "signin-address", points: ADDRESS_POINTS, duration: WINDOW, blockDuration: WINDOW }),
      device: limiter({ keyPrefix: "signin-device", points: DEVICE_POINTS, duration: WINDOW, blockDuration: WINDOW }),
    };
  }
  return g.__casefileThrottle;
}

/** One sign-in attempt: the account's e-mail, the client address and the device id its valid device cookie names (null without one). */
export type Attempt = { email: string; address: string; device: string | null };

function ignoreLimit(e: unknown): void {
  if (!(e instanceof RateLimiterRes)) throw e;
}

export async function isThrottled({ email, address, device }: Attempt): Promise<boolean> {
  const { account, address: addr, device: dev } = limiters();
  const [own, b] = await Promise.all([device ? dev.get(device) : account.get(email.toLowerCase()), addr.get(address)]);
  return (own?.consumedPoints ?? 0) >= (device ? DEVICE_POINTS : ACCOUNT_POINTS) || (b?.consumedPoints ?? 0) >= ADDRESS_POINTS;
}

export async function recordFailure({ email, address, device }: Attempt): Promise<void> {
  const { account, address: addr, device: dev } = limiters();
  await Promise.all([(device ? dev.consume(device) : account.consume(email.toLowerCase())).catch(ignoreLimit), addr.consume(address).catch(ignoreLimit)]);
}

/**
 * After a successful sign-in. With a device cookie only that device's count is cleared: the
 * account's count may be someone else's attempts, and clearing it would hand them a new budget.
 */
export async function clearFailures({ email, device }: Pick<Attempt, "email" | "device">): Promise<void> {
  if (device) await limiters().device.delete(device);
  else await limiters().account.delete(email.toLowerCase());
}
