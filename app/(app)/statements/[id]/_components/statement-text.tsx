import { getLocale } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { LinkableText } from "./linkable-text";
import { loadStatementLinks } from "./load-links";
import { readerName } from "@/app/_lib/reader-name";

/** The original text of the current revision, with its linked passages marked. */
export async function StatementText({ actor, statement }: { actor: Actor; statement: { id: string; revisionNumber: number; originalText: string; language: string } }) {
  const [links, locale] = await Promise.all([loadStatementLinks(actor, statement.id), getLocale()]);
  const marks = links.items
    .filter((l) => l.anchor === "ANCHORED" && l.revisionNumber === statement.revisionNumber)
    .map((l) => ({ id: l.id, start: l.startOffset, end: l.endOffset, label: readerName(l.person, locale) }));
  return (
    <LinkableText
      statementId={statement.id}
      text={statement.originalText}
      lang={statement.language}
      revisionNumber={statement.revisionNumber}
      marks={marks}
      selectable={can(actor, "link.create")}
    />
  );
}
