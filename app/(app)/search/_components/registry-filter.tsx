"use client";

import { RegistryAutocomplete, type RegistryKind } from "@/app/_components/registry-autocomplete";
import { useHydrated } from "@/app/_lib/use-hydrated";

/**
 * One of the search page's registry filters (person, event, place, proceeding).
 *
 * With scripts: a searchable box over the registry's API (a few letters in either script,
 * arrow keys and Enter to choose); the chosen record's id goes in `valueName`, as before.
 * Without scripts (and until they run): the server's plain form. A registry small enough to be
 * listed (`choices`) is a <select>; a larger one is a text field named `textName` whose typed
 * name the server resolves to a record, with a hidden `valueName` keeping the current choice.
 */
export function RegistryFilter(props: {
  kind: RegistryKind;
  label: string;
  id: string;
  testId: string;
  valueName: string;
  textName: string;
  anyLabel: string;
  /** What to type, as the text field's placeholder (the label names the field). */
  placeholder: string;
  /** The registry's records when few enough to list; null when the page offers a text field. */
  choices: { id: string; text: string }[] | null;
  /** The chosen record, by name; or only its id (a record since deleted, or not readable). */
  chosen: { id: string; name: string } | null;
  currentId?: string;
  /** A typed name the server could not turn into one record, shown again to be corrected. */
  typed?: string;
  /** Whether the reader may search the registry (registry.read); if not, only the plain list. */
  searchable: boolean;
  invalid?: boolean;
  describedBy?: string;
}) {
  const hydrated = useHydrated();
  const { kind, label, id, testId, valueName, textName, anyLabel, placeholder, choices, chosen, currentId, typed, searchable, invalid, describedBy } = props;
  const current = chosen ?? (currentId ? { id: currentId, name: currentId } : undefined);

  if (hydrated && searchable)
    return (
      <div className="field">
        <RegistryAutocomplete
          kind={kind}
          label={label}
          id={id}
          testId={testId}
          valueName={valueName}
          inputName={textName}
          textOnlyUnchosen
          defaultValue={typed === undefined ? current : undefined}
          defaultQuery={typed}
          placeholder={placeholder}
          invalid={invalid}
          describedBy={describedBy}
        />
      </div>
    );

  if ((choices && typed === undefined) || !searchable)
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} name={valueName} defaultValue={currentId ?? ""} aria-invalid={invalid || undefined} aria-describedby={describedBy} data-testid={testId}>
          <option value="">{anyLabel}</option>
          {/* A filter from a link whose record is not listed (deleted since) stays visible and can be cleared. */}
          {currentId && !(choices ?? []).some((c) => c.id === currentId) && <option value={currentId}>{current?.name ?? currentId}</option>}
          {(choices ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.text}
            </option>
          ))}
        </select>
      </div>
    );

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        name={textName}
        dir="auto"
        defaultValue={typed ?? current?.name ?? ""}
        maxLength={200}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      {current && typed === undefined && <input type="hidden" name={valueName} value={current.id} />}
    </div>
  );
}
