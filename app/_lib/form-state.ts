// What a server action hands back to its form. Shared by the actions (server) and the form
// components (client), so it holds only plain data.
export type FormState<D = undefined> = {
  /** Bumped on every submission; forms use it as their key so they remount with `values`. */
  seq: number;
  ok: boolean;
  /** What the user typed, returned on failure so nothing they wrote is lost. Never passwords. */
  values: Record<string, string>;
  /** Field name -> messages already in the user's language. */
  fieldErrors?: Record<string, string[]>;
  /** A banner message in the user's language. */
  error?: string;
  data?: D;
};

/**
 * A server action as a form hands it to useActionState: already bound to its record (the id and
 * any other fixed arguments) by the server component that renders the form, which passes it down
 * as a prop. Bound there, it is one server reference for every render of the form; bound in the
 * client component's render instead, each render made a new one, and a post without JavaScript
 * made the server render that form forever (see tests/e2e/action-robustness.spec.ts).
 */
export type FormAction<D = undefined> = (prev: FormState<D>, formData: FormData) => Promise<FormState<D>>;

export function initialFormState<D = undefined>(values: Record<string, string> = {}): FormState<D> {
  return { seq: 0, ok: false, values };
}
