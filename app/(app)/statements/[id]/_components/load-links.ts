import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { listLinksForStatement } from "@/lib/links";

/** The statement's links, loaded once per request for the text and the links section. */
export const loadStatementLinks = cache((actor: Actor, statementId: string) => listLinksForStatement({ actor, statementId }));
