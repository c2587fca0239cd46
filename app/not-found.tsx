import Link from "next/link";
import { useTranslations } from "@/lib/i18n/use-translations";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <main className="content" id="main">
      <div className="error-page" data-testid="not-found">
        <p className="error-code">404</p>
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <Link href="/" className="button">
          {t("back")}
        </Link>
      </div>
    </main>
  );
}
