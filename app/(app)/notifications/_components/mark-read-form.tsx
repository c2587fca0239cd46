"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton } from "@/app/_components/form-bits";
import { initialFormState } from "@/app/_lib/form-state";
import { markAllReadAction } from "../actions";

export function MarkAllReadForm() {
  const t = useTranslations("notifications");
  const [state, action] = useActionState(markAllReadAction, initialFormState());
  return (
    <form key={state.seq} action={action} className="inline-form" data-testid="mark-all-read-form">
      <FormBanner state={state} success={t("allRead")} />
      <SubmitButton className="button" testId="mark-all-read">
        {t("markAllRead")}
      </SubmitButton>
    </form>
  );
}
