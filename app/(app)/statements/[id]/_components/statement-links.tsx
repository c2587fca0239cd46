import { getLocale, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { listEvents } from "@/lib/events";
import { listProceedings } from "@/lib/proceedings";
import { LinksPanel } from "./links-panel";
import { loadStatementLinks } from "./load-links";

/** The statement's "Links" section: the linking form, its links, and suggested links. */
export async function StatementLinks({ actor, statement }: { actor: Actor; statement: { id: string; revisionNumber: number; language: string; authorId: string } }) {
  const mayCreate = can(actor, "link.create");
  const [links, t, locale] = await Promise.all([loadStatementLinks(actor, statement.id), getTranslations("links"), getLocale()]);
  // Suggested links are not computed here: the panel asks for them (GET …/link-suggestions)
  // once the page is shown, so viewing a statement never waits for a registry-wide name search.
  const [events, proceedings] = mayCreate ? await Promise.all([listEvents({ actor }), listProceedings({ actor })]) : [[], []];
  const fa = locale === "fa";
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
        events={events.map((e) => ({ id: e.id, label: `${(fa && e.titleFa) || e.title} (${e.dateEnd ? `${e.dateStart} – ${e.dateEnd}` : e.dateStart})` }))}
        proceedings={proceedings.map((p) => ({ id: p.id, label: p.title }))}
      />
    </section>
  );
}
