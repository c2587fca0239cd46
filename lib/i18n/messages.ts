import en from "@/messages/en.json";
import enDossierExport from "@/messages/en/dossier-export.json";
import enDossiers from "@/messages/en/dossiers.json";
import enImport from "@/messages/en/import.json";
import enTransfer from "@/messages/en/transfer.json";
import fa from "@/messages/fa.json";
import faDossierExport from "@/messages/fa/dossier-export.json";
import faDossiers from "@/messages/fa/dossiers.json";
import faImport from "@/messages/fa/import.json";
import faTransfer from "@/messages/fa/transfer.json";
import type { Locale } from "./config";

// The interface text: messages/{locale}.json, plus one file per larger area under
// messages/{locale}/ (dossiers, dossier export, import, export and backup). Each area file holds its own
// top-level sections; a section present in several files (fieldErrors, nav) is merged.
type Messages = Record<string, unknown>;

function merge(...parts: Messages[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const prev = out[key];
      out[key] =
        prev && typeof prev === "object" && value && typeof value === "object" && !Array.isArray(value)
          ? { ...(prev as Messages), ...(value as Messages) }
          : value;
    }
  }
  return out;
}

const MESSAGES: Record<Locale, Messages> = {
  en: merge(en, enDossiers, enDossierExport, enImport, enTransfer),
  fa: merge(fa, faDossiers, faDossierExport, faImport, faTransfer),
};

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale];
}
