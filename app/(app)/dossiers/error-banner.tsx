import { getTranslations } from "@/lib/i18n/server";

// The codes a dossier action may send back in the address (?error=…, see actions.ts): anything
// else in the address is ignored, so a link cannot put arbitrary text on the page.
const ERROR_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "INVALID_INPUT", "INVALID_STATE", "TOO_LARGE", "RATE_LIMITED"]);

/** The message for a dossier action that failed and came back to a page with ?error=CODE. */
export async function DossierErrorBanner({ code }: { code: string | undefined }) {
  if (!code || !ERROR_CODES.has(code)) return null;
  const t = await getTranslations("errors");
  return (
    <div className="banner banner-error" role="alert" data-testid="dossier-error">
      {t(code)}
    </div>
  );
}
