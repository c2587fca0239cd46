"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FictionalBadge, ProtectionBadge } from "@/app/_components/badges";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { RegistryAutocomplete } from "@/app/_components/registry-autocomplete";
import { initialFormState } from "@/app/_lib/form-state";
import { createStatementAction } from "../../actions";
import { StatementContentFields, type StatementChoices } from "../../_components/statement-fields";

/**
 * The witness is named by its pseudonym code in a text field (witnessCode), which the server
 * resolves: without JavaScript one types the code; with it, matching codes are suggested as
 * one types, with their protection level and fictional badge.
 */
export function NewStatementForm({ witnessCount, choices, initial }: { witnessCount: number; choices: StatementChoices; initial: Record<string, string> }) {
  const t = useTranslations();
  const [state, action] = useActionState(createStatementAction, initialFormState<{ id: string }>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const codeErrors = state.fieldErrors?.witnessCode;
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="statement-form" noValidate {...guard}>
      <FormBanner state={state} />
      <div className="field">
        <RegistryAutocomplete
          kind="witnesses"
          id={f.id("witnessCode")}
          label={t("statements.witness")}
          inputName="witnessCode"
          defaultQuery={f.props("witnessCode").defaultValue}
          placeholder="W-0012"
          hint={t("statements.witnessCodeHint", { count: witnessCount })}
          minChars={1}
          limit={10}
          invalid={!!codeErrors}
          describedBy={codeErrors ? `${f.id("witnessCode")}-error` : undefined}
          describe={(item) =>
            item.witness && (
              <>
                <ProtectionBadge level={item.witness.protectionLevel} /> {item.witness.fictional && <FictionalBadge />}
              </>
            )
          }
          testId="witness-code-field"
        />
        {f.error("witnessCode")}
      </div>
      <StatementContentFields f={f} choices={choices} />
      <div className="actions">
        <SubmitButton testId="statement-submit">{t("statements.create")}</SubmitButton>
      </div>
    </form>
  );
}
