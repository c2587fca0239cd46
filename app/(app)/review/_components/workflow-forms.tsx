"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";

// The small workflow forms shared by the queue and the statement page. Each shows the lib's
// refusal (four eyes, a transition that does not exist, an ineligible reviewer) in place.
// Each gets its action bound to the statement by the server component that renders it
// (submitStatementAction, takeStatementAction, assignReviewerAction in ../actions).

type Done = { status: string };

export function SubmitForReviewForm({ submit }: { submit: FormAction<Done> }) {
  const t = useTranslations("review");
  const [state, action] = useActionState(submit, initialFormState<Done>());
  const ref = useFormFocus(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="inline-form" data-testid="submit-form">
      <FormBanner state={state} success={t("submitted")} />
      <SubmitButton testId="submit-for-review">{t("submit")}</SubmitButton>
    </form>
  );
}

export function TakeForm({ take, title }: { take: FormAction<Done>; title?: string }) {
  const t = useTranslations("review");
  const [state, action] = useActionState(take, initialFormState<Done>());
  const ref = useFormFocus(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="inline-form" data-testid="take-form">
      <FormBanner state={state} />
      <SubmitButton className="button primary small" testId="take" label={title ? t("takeLabel", { title }) : undefined}>
        {t("take")}
      </SubmitButton>
    </form>
  );
}

export function AssignForm({ assign, reviewers, current, title }: { assign: FormAction<Done>; reviewers: { id: string; name: string }[]; current?: string | null; title?: string }) {
  const t = useTranslations("review");
  const [state, action] = useActionState(assign, initialFormState<Done>());
  const f = useFields(state, { reviewerId: current ?? "" });
  const ref = useFormFocus(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="inline-form assign-form" data-testid="assign-form" noValidate>
      <FormBanner state={state} success={t("assigned")} />
      <label htmlFor={f.id("reviewerId")} className="visually-hidden">
        {title ? t("assignLabel", { title }) : t("assignTo")}
      </label>
      <select {...f.props("reviewerId")} data-testid="assign-reviewer">
        <option value="">{t("chooseReviewer")}</option>
        {reviewers.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <SubmitButton className="button small" testId="assign">
        {t("assign")}
      </SubmitButton>
      {f.error("reviewerId")}
    </form>
  );
}
