import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listProceedings } from "@/lib/proceedings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("proceedings"))("title") };
}

export default async function ProceedingsPage() {
  const actor = await requirePageActor("/proceedings");
  const [items, t] = await Promise.all([orHttpError(listProceedings({ actor })), getTranslations()]);
  return (
    <>
      <div className="page-head">
        <h1>{t("proceedings.title")}</h1>
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href="/proceedings/new" className="button primary" data-testid="new-proceeding">
              {t("proceedings.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("proceedings.intro")}</p>
      <p className="muted">{t("registry.total", { count: items.length })}</p>
      {items.length === 0 ? (
        <p className="empty">{t("proceedings.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="proceeding-list">
            <thead>
              <tr>
                <th scope="col">{t("proceedings.titleField")}</th>
                <th scope="col">{t("proceedings.kind")}</th>
                <th scope="col">{t("proceedings.jurisdiction")}</th>
                <th scope="col">{t("proceedings.defendants")}</th>
                <th scope="col">{t("proceedings.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-testid="proceeding-row">
                  <th scope="row" className="title-cell">
                    <Link href={`/proceedings/${p.id}`} className="record-title">
                      <bdi>{p.title}</bdi>
                    </Link>
                  </th>
                  <td>{t.has(`proceedings.kinds.${p.kind}`) ? t(`proceedings.kinds.${p.kind}`) : p.kind}</td>
                  <td>
                    <bdi>{p.jurisdiction}</bdi>
                  </td>
                  <td className={styles.small}>
                    <ul className="inline-list">
                      {p.defendants.map((d) => (
                        <li key={d.id}>
                          <Link href={`/persons/${d.id}`}>
                            <bdi>{d.name}</bdi>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <bdi>{p.status}</bdi>
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
