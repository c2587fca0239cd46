import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { DateTime, FictionalBadge, ProtectionBadge } from "@/app/_components/badges";
import { param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { listWitnesses } from "@/lib/witnesses/witnesses";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("witnesses"))("title") };
}

export default async function WitnessesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("/witnesses");
  const sp = await searchParams;
  const [witnesses, t, format] = await Promise.all([listWitnesses({ actor }), getTranslations(), getFormatter()]);
  const created = param(sp.created);
  const createdWitness = created ? witnesses.find((w) => w.code === created) : undefined;
  return (
    <>
      <div className="page-head">
        <h1>{t("witnesses.title")}</h1>
        {can(actor, "witness.create") && (
          <div className="page-actions">
            <Link href="/witnesses/new" className="button primary" data-testid="new-witness">
              {t("witnesses.new")}
            </Link>
          </div>
        )}
      </div>
      <p className="lead">{t("witnesses.intro")}</p>
      {createdWitness && (
        <div className="banner banner-ok" role="status" data-testid="witness-created">
          {t("witnesses.created", { code: createdWitness.code })}{" "}
          {can(actor, "statement.create") && <Link href={`/statements/new?witnessId=${createdWitness.id}`}>{t("witnesses.recordStatement", { code: createdWitness.code })}</Link>}
        </div>
      )}
      {witnesses.length === 0 ? (
        <p className="empty">{t("witnesses.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="witness-list">
            <thead>
              <tr>
                <th scope="col">{t("witnesses.code")}</th>
                <th scope="col">{t("witnesses.protectionLevel")}</th>
                <th scope="col" className="num">
                  {t("witnesses.statements")}
                </th>
                <th scope="col">{t("witnesses.registered")}</th>
                {can(actor, "statement.create") && (
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {witnesses.map((w) => (
                <tr key={w.id} data-testid="witness-row" data-code={w.code}>
                  <th scope="row">
                    <span className="badges">
                      <Link href={`/witnesses/${w.id}`} className="code" data-testid="witness-link">
                        {w.code}
                      </Link>
                      {w.fictional && <FictionalBadge />}
                    </span>
                  </th>
                  <td>
                    <ProtectionBadge level={w.protectionLevel} />
                  </td>
                  <td className="num">{format.number(w._count.statements)}</td>
                  <td>
                    <DateTime value={w.createdAt} dateOnly />
                  </td>
                  {can(actor, "statement.create") && (
                    <td className="row-actions">
                      <Link href={`/statements/new?witnessId=${w.id}`}>{t("witnesses.addStatement")}</Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
