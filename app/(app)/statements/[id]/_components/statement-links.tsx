import { getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { LinksPanel } from "./links-panel";
import { listProceedingChoices } from "@/lib/links";
import { loadStatementLinks } from "./load-links";

/** The statement's "Links" section: the linking form, its links, and suggested links. */
export async function StatementLinks({ actor, statement }: { actor: Actor; statement: { id: string; revisionNumber: number; language: string; authorId: string } }) {
  const mayCreate = can(actor, "link.create");
  const [links, t] = await Promise.all([loadStatementLinks(actor, statement.id), getTranslations("links")]);
  // Suggested links and the events to choose from are not loaded here: the panel asks for them
  // (GET …/link-suggestions, GET /api/v1/events) once the page is shown, so viewing a statement
  // never waits for a registry-wide name search nor carries every event.
  const proceedings = mayCreate ? await listProceedingChoices({ actor }) : [];
  return (
    <section className="panel" aria-labelledby="links-heading" data-testid="links-section">
      <h2 id="links-heading">{t("heading")}</h2>
      <p className="muted">{t("intro")}</p>
      <LinksPanel
        statementId={statement.id}
        revisionNumber={statement.revisionNumber}
        language={statement.language}
        mayCreate={mayCreate}
        links={links.items.map((l) => ({ ...l, mayEdit: can(actor, "link.edit", { creatorId: l.createdById, authorId: statement.authorId }) }))}
        proceedings={proceedings.map((p) => ({ id: p.id, label: p.title }))}
      />
    </section>
  );
}
