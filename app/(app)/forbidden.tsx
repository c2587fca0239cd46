import Link from "next/link";
import { useTranslations } from "@/lib/i18n/use-translations";

export default function Forbidden() {
  const t = useTranslations("forbidden");
  return (
    <div className="error-page" data-testid="forbidden">
      <p className="error-code">403</p>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <Link href="/" className="button">
        {t("back")}
      </Link>
    </div>
  );
}
