import type { Metadata } from "next";
import localFont from "next/font/local";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { BaseClientMessages } from "@/app/_components/client-messages";
import { DEFAULT_LOCALE, direction, isLocale } from "@/lib/i18n/config";
import "./globals.css";

// Vazirmatn ships with the app (SIL OFL, see app/fonts/OFL.txt): Persian must render the same
// on every machine, and it carries Latin glyphs too, so mixed-script lines stay even.
const vazirmatn = localFont({
  src: "./fonts/Vazirmatn-Variable.woff2",
  variable: "--font-vazirmatn",
  weight: "100 900",
  display: "swap",
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={direction(locale)} className={vazirmatn.variable}>
      <body>
        {/* Only the base interface text: pages hand their client components the rest (ClientMessages). */}
        <BaseClientMessages>{children}</BaseClientMessages>
      </body>
    </html>
  );
}
