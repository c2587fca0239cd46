import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { FictionalBadge } from "@/app/_components/badges";
import { orHttpError, requirePageActor } from "@/app/_lib/page";
import { can } from "@/lib/auth/policy";
import { INTERVIEW_MODES, LANGUAGES, WITNESS_RELATIONS } from "@/lib/statements/schemas";
import { getStatement } from "@/lib/statements/statements";
import { EditStatementForm } from "./_components/edit-statement-form";
import { updateStatementAction } from "../../actions";
import { ClientMessages } from "@/app/_components/client-messages";
import { WitnessCode } from "@/app/_components/witness-code";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statements"))("editTitle") };
}

export default async function EditStatementPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePageActor(`/statements/${id}/edit`);
  const [s, t] = await Promise.all([orHttpError(getStatement({ actor, statementId: id })), getTranslations()]);
  if (!can(actor, "statement.edit", { authorId: s.authorId })) forbidden();
  const d = s.details;
  return (
    <ClientMessages namespaces={["statements", "languages"]}>
      <nav className="crumbs" aria-label={t("common.breadcrumbs")}>
        <Link href="/statements">{t("nav.statements")}</Link>
        <Link href={`/statements/${s.id}`} dir="auto" lang={s.language}>
          {s.title}
        </Link>
      </nav>
      <div className="page-head">
        <div>
          <h1>{t("statements.editTitle")}</h1>
          <div className="badges">
            <WitnessCode code={s.witness.code} />
            {s.fictional && <FictionalBadge />}
          </div>
        </div>
      </div>
      <p className="lead">{t("statements.editIntro", { n: s.revisionNumber })}</p>
      <div className="panel">
        <EditStatementForm
          update={updateStatementAction.bind(null, s.id)}
          statementId={s.id}
          baseRevision={s.revisionNumber}
          choices={{ languages: LANGUAGES, modes: INTERVIEW_MODES, relations: WITNESS_RELATIONS }}
          initial={{
            title: s.title,
            language: s.language,
            interviewDate: d.interviewDate?.input ?? s.interviewDate ?? "",
            interviewPlace: d.interviewPlace,
            interviewers: d.interviewers.join("\n"),
            mode: d.mode ?? "",
            relation: d.relation ?? "",
            periodCovered: d.periodCovered?.input ?? "",
            placesCovered: d.placesCovered.join("\n"),
            summary: s.summary,
            originalText: s.originalText,
            notes: d.notes,
            translations: JSON.stringify(d.translations.map((tr) => ({ language: tr.language, translator: tr.translator, date: tr.date?.input, text: tr.text }))),
          }}
        />
      </div>
    </ClientMessages>
  );
}
