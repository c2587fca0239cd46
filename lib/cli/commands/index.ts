// Commands kept in their own modules (one per area), so each area owns its options and text.
// casefile.ts hands such a command its arguments unparsed.
export type Command = {
  name: string;
  /** Lines for the usage text, aligned like the others in casefile.ts. */
  usage: string;
  run(args: string[]): Promise<number>;
};

import { importCommand } from "./import";
import { dossierCommands } from "./dossier";
import { backupCommand, restoreCommand } from "./backup";
import { exportCommand } from "./transfer";

export const COMMANDS: Command[] = [importCommand, ...dossierCommands, exportCommand, backupCommand, restoreCommand];
