import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { safeCallbackUrl } from "@/app/_lib/callback-url";
import { param } from "@/app/_lib/page";
import { getActor } from "@/lib/auth/session";
import { SignInForm } from "./_components/signin-form";
import { ClientMessages } from "@/app/_components/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(param(sp.callbackUrl));
  if (await getActor()) redirect(callbackUrl);
  const t = await getTranslations();
  const notice = param(sp.reason) === "password-changed" ? t("signin.passwordChanged") : undefined;
  return (
    <ClientMessages namespaces={["signin"]}>
      <div className="signin-shell">
        <div className="signin-top">
          <LanguageSwitcher />
        </div>
        <main className="signin-card" id="main">
          <p className="brand brand-large">{t("app.name")}</p>
          <p className="muted">{t("app.tagline")}</p>
          <h1>{t("signin.title")}</h1>
          {notice && (
            <div className="banner banner-ok" role="status" data-testid="signin-notice">
              {notice}
            </div>
          )}
          <SignInForm callbackUrl={callbackUrl} />
        </main>
      </div>
    </ClientMessages>
  );
}
