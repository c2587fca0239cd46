import { getLocale, getTranslations } from "@/lib/i18n/server";
import { setLocaleAction } from "@/app/actions";
import { LOCALES } from "@/lib/i18n/config";

/** Works without JavaScript: a plain form posting to a server action. */
export async function LanguageSwitcher() {
  const t = await getTranslations("locale");
  const current = await getLocale();
  return (
    <form action={setLocaleAction} className="lang-switch" aria-label={t("label")} data-testid="language-switcher">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          className="lang-option"
          aria-pressed={l === current}
          data-testid={`locale-${l}`}
        >
          {t(l)}
        </button>
      ))}
    </form>
  );
}
