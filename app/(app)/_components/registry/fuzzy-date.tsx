import { Fragment } from "react";
import type { DateTextParts } from "./dates";

/** DateText's markup from its parts (dateTextParts): usable in server and client components alike. */
export function FuzzyDate({ parts, testId }: { parts: DateTextParts; testId?: string }) {
  if ("undated" in parts) return <span className="muted">{parts.undated}</span>;
  return (
    <span className="fuzzy-date" title={parts.title} data-testid={testId}>
      <bdi dir={parts.dir}>{parts.reading}</bdi>
      {parts.recorded !== null && (
        <span className="date-reading">
          {parts.recordedAs}{" "}
          {parts.recorded.map((r, i) => (
            <Fragment key={i}>
              {i > 0 && " – "}
              <bdi>{r}</bdi>
            </Fragment>
          ))}
        </span>
      )}
    </span>
  );
}
