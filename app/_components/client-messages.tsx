import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "@/lib/i18n/server";
import { BASE_CLIENT_MESSAGES, pickMessages } from "@/lib/i18n/client-messages";

// Cached per locale: the catalogue does not change while the server runs, so each page hands
// the same (small) object over instead of picking it again.
const cache = new Map<string, Record<string, unknown>>();

/**
 * Hands the client components below it the interface text of `namespaces` (plus the base set
 * every page has). Name every namespace a client component below uses: a missing one shows as
 * a raw key. lib/i18n/client-messages.test.ts checks this from the sources.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  const locale = await getLocale();
  const key = `${locale}|${namespaces.join(",")}`;
  let messages = cache.get(key);
  if (!messages) {
    messages = pickMessages(await getMessages(), [...BASE_CLIENT_MESSAGES, ...namespaces]);
    cache.set(key, messages);
  }
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}

/** The root layout's provider: only the base set. */
export async function BaseClientMessages({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={[]}>{children}</ClientMessages>;
}
