// How an audit event's action and record read to a person: the words for them in the reader's
// language (messages: history.actions, audit.recordTypes), and the page where the record can be
// opened. The codes themselves stay what the log and its export hold; a code without words
// (an action added later, a test's own) is shown as it is.

type Translate = { (key: string): string; has(key: string): boolean };

/** "statement.create" → the `history.actions.statement_create` words, or the code. */
export function actionLabel(t: Translate, action: string): string {
  const key = `actions.${action.replace(/\./g, "_")}`;
  return t.has(key) ? t(key) : action;
}

/** "Statement" → the `audit.recordTypes.Statement` words (`t` from the root of the messages), or the type. */
export function recordTypeLabel(t: Translate, recordType: string): string {
  const key = `audit.recordTypes.${recordType}`;
  return t.has(key) ? t(key) : recordType;
}

// The records with a page of their own, by the record type the audit log names them with.
const RECORD_PAGES: Record<string, string> = {
  Statement: "/statements",
  Witness: "/witnesses",
  Person: "/persons",
  Organisation: "/organisations",
  Place: "/places",
  Event: "/events",
  Proceeding: "/proceedings",
  Source: "/sources",
  Dossier: "/dossiers",
  Exhibit: "/exhibits",
};

/**
 * Where a record named in the log is opened, or null: a type without a page, or an event that
 * deleted the record. The page decides who may read it, as it does for any other link.
 */
export function recordHref(recordType: string, recordId: string, action: string): string | null {
  const base = Object.hasOwn(RECORD_PAGES, recordType) ? RECORD_PAGES[recordType] : undefined;
  if (!base || action.endsWith(".delete") || !/^[A-Za-z0-9_-]{1,64}$/.test(recordId)) return null;
  return `${base}/${recordId}`;
}
