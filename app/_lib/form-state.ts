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

export function initialFormState<D = undefined>(values: Record<string, string> = {}): FormState<D> {
  return { seq: 0, ok: false, values };
}
