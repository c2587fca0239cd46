import type { Metadata } from "next";
import { RecordHistory } from "@/app/_components/record-history";
import Link from "next/link";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { DateTime } from "@/app/_components/badges";
import { NameList, RecordHeading } from "@/app/(app)/_components/registry/names";
import styles from "@/app/(app)/_components/registry/registry.module.css";
import { orHttpError, param, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { getOrganisation } from "@/lib/organisations";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("organisation") };
}

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const saved = param((await searchParams).saved) === "1";
  const actor = await requirePageActor(`/organisations/${id}`);
  const [o, t, locale] = await Promise.all([orHttpError(getOrganisation({ actor, organisationId: id })), getTranslations(), getLocale()]);
  return (
    <>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/organisations">{t("nav.organisations")}</Link>
      </nav>
      <div className="page-head">
        <RecordHeading item={o} locale={locale} testId="organisation-name" />
        {can(actor, "registry.edit") && (
          <div className="page-actions">
            <Link href={`/organisations/${o.id}/edit`} className="button primary" data-testid="edit-organisation">
              {t("organisations.edit")}
            </Link>
          </div>
        )}
      </div>
      {saved && (
        <div className="banner banner-ok" role="status" data-testid="form-ok">
          {t("registry.saved")}
        </div>
      )}
      <dl className="facts">
        <div className="wide">
          <dt>{t("organisations.aliases")}</dt>
          <dd>{o.aliases.length ? <NameList names={o.aliases} /> : <span className="muted">{t("common.none")}</span>}</dd>
        </div>
        <div>
          <dt>{t("registry.created")}</dt>
          <dd>
            <DateTime value={o.createdAt} />
          </dd>
        </div>
        <div>
          <dt>{t("registry.updated")}</dt>
          <dd>
            <DateTime value={o.updatedAt} />
          </dd>
        </div>
      </dl>
      {o.note && (
        <section className="panel">
          <h2>{t("organisations.note")}</h2>
          <p dir="auto" className="prose">
            {o.note}
          </p>
        </section>
      )}
      <RecordHistory actor={actor} recordType="Organisation" recordId={o.id} />
    </>
  );
}
