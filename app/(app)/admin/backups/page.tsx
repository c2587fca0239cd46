import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listBackups, STALE_AFTER_DAYS } from "@/lib/backup/records";
import { exactBytes, humanBytes } from "@/lib/exhibits/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transfer"))("backups.title") };
}

export const dynamic = "force-dynamic";

export default async function BackupsPage() {
  const actor = await requirePageActor("/admin/backups");
  if (!can(actor, "backup.manage")) forbidden();
  const [status, t, format, locale] = await Promise.all([listBackups({ actor }), getTranslations("transfer.backups"), getFormatter(), getLocale()]);
  const code = (s: string) => (
    <code dir="ltr">
      {s}
    </code>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div data-testid="backup-status" data-warning={status.warning}>
        {status.warning === "never" && <p className="banner banner-error">{t("never")}</p>}
        {status.warning === "failed" && (
          <p className="banner banner-error">
            {t("failed", { message: status.last!.message })}
          </p>
        )}
        {status.warning === "stale" && <p className="banner banner-error">{t("stale", { days: format.number(STALE_AFTER_DAYS) })}</p>}
        {status.warning === "none" && <p className="banner banner-ok">{t("ok")}</p>}
      </div>
      <p>
        {t("lastVerified")} {status.lastVerified ? <DateTime value={status.lastVerified.createdAt} /> : t("none")}
      </p>
      <p>
        {t("howToMake")} {code("npm run casefile -- backup DIR")}, {code("npm run casefile -- backup DIR --passphrase-file FILE")}
      </p>
      <p>
        {t("howToRestore")} {code("npm run casefile -- restore DIR")}
      </p>
      {status.rows.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="backup-list">
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("location")}</th>
                <th scope="col">{t("provider")}</th>
                <th scope="col">{t("encrypted")}</th>
                <th scope="col">{t("size")}</th>
                <th scope="col">{t("verified")}</th>
                <th scope="col">{t("message")}</th>
              </tr>
            </thead>
            <tbody>
              {status.rows.map((r) => (
                <tr key={r.id} data-testid="backup-row" data-verified={r.verified ? "yes" : "no"}>
                  <td>
                    <DateTime value={r.createdAt} seconds />
                  </td>
                  <td>
                    <bdi dir="ltr">{r.location}</bdi>
                  </td>
                  <td>{r.provider}</td>
                  <td>{r.encrypted ? t("yes") : t("no")}</td>
                  <td>
                    <bdi title={exactBytes(r.sizeBytes, locale)}>{humanBytes(r.sizeBytes, locale)}</bdi>
                  </td>
                  <td>{r.verified ? t("yes") : t("no")}</td>
                  <td>
                    <bdi dir="ltr">{r.message}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
