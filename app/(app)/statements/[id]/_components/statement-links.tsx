import { getLocale, getTranslations } from "@/lib/i18n/server";
import { bothTitlesText } from "@/app/_lib/reader-name";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { LinksPanel } from "./links-panel";
import { listProceedingChoices } from "@/lib/links";
import { loadStatementLinks } from "./load-links";
import { createLinkAction, deleteLinkAction, repointLinkAction } from "../link-actions";

/** The statement's "Links" section: the linking form, its links, and suggested links. */
export async function StatementLinks({ actor, statement }: { actor: Actor; statement: { id: string; revisionNumber: number; language: string; authorId: string } }) {
  const mayCreate = can(actor, "link.create");
  const [links, t, locale] = await Promise.all([loadStatementLinks(actor, statement.id), getTranslations("links"), getLocale()]);
  // Suggested links are not loaded here: the panel asks for them (GET …/link-suggestions) once
  // the page is shown, so viewing a statement never waits for a registry-wide name search. The
  // event is searched as it is typed (GET /api/v1/events?q=…), never listed whole.
  // In the order of the title the reader sees first: on a Persian page the Persian one.
  const proceedings = mayCreate ? await listProceedingChoices({ actor, locale }) : [];
  return (
    <section className="panel" aria-labelledby="links-heading" data-testid="links-section">
      <h2 id="links-heading">{t("heading")}</h2>
      <p className="muted">{t("intro")}</p>
      <LinksPanel
        create={mayCreate ? createLinkAction.bind(null, statement.id) : null}
        statementId={statement.id}
        revisionNumber={statement.revisionNumber}
        language={statement.language}
        links={links.items.map((l) => {
          const mayEdit = can(actor, "link.edit", { creatorId: l.createdById, authorId: statement.authorId });
          // Bound here, once per link, and only where the panel shows the form: a delete button
          // for each link the reader may edit, a passage fix for those that need one.
          return {
            ...l,
            remove: mayEdit ? deleteLinkAction.bind(null, statement.id, l.id) : undefined,
            repoint: mayEdit && l.anchor === "NEEDS_REVIEW" ? repointLinkAction.bind(null, statement.id, l.id) : undefined,
          };
        })}
        // Both titles, as the person, event and place choices show both names: the reader's
        // first (on a Persian page the Persian, the English, the court's, after it).
        proceedings={proceedings.map((p) => ({ id: p.id, label: bothTitlesText(p, locale) }))}
      />
    </section>
  );
}
