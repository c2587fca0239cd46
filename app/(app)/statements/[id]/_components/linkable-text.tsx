"use client";

import { useEffect, useMemo, useRef } from "react";
import styles from "./links.module.css";
import { passageStore, usePassageStore } from "./passage-store";

export type TextMark = { id: string; start: number; end: number; label: string };

/**
 * The statement's original text with its linked passages marked, and, for those who may
 * link, passage selection: the selection's offsets are counted in UTF-16 code units from the
 * start of the text (Range.toString() of the text before it), which is how the server counts
 * them, whatever the direction the text is displayed in. The pending passage is drawn with
 * the CSS Custom Highlight API, so selecting never re-renders (and never disturbs) the text.
 */
export function LinkableText({
  statementId,
  text,
  lang,
  revisionNumber,
  marks,
  selectable,
}: {
  statementId: string;
  text: string;
  lang: string;
  revisionNumber: number;
  marks: TextMark[];
  selectable: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { passage, focus } = usePassageStore();
  const segments = useMemo(() => segment(text, marks), [text, marks]);

  // The text the links form finds typed words in (selecting with a pointer is not the only way).
  useEffect(() => {
    if (!selectable) return;
    passageStore.source({ statementId, revision: revisionNumber, text });
    return () => passageStore.source(null);
  }, [selectable, statementId, revisionNumber, text]);

  // Selection → passage. Committed when the pointer is released or, for keyboard and
  // programmatic selection, shortly after the selection stops changing.
  useEffect(() => {
    if (!selectable) return;
    const el = ref.current;
    if (!el) return;
    let dragging = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const commit = () => {
      const p = selectionPassage(el, text, revisionNumber);
      if (p) passageStore.select({ ...p, statementId });
    };
    const down = () => {
      dragging = true;
    };
    const up = () => {
      if (!dragging) return;
      dragging = false;
      setTimeout(commit, 0);
    };
    const change = () => {
      if (dragging) return;
      clearTimeout(timer);
      timer = setTimeout(commit, 120);
    };
    el.addEventListener("pointerdown", down);
    document.addEventListener("pointerup", up);
    document.addEventListener("selectionchange", change);
    return () => {
      clearTimeout(timer);
      el.removeEventListener("pointerdown", down);
      document.removeEventListener("pointerup", up);
      document.removeEventListener("selectionchange", change);
    };
  }, [selectable, text, revisionNumber, statementId]);

  // The pending passage, drawn without touching the DOM.
  useEffect(() => {
    const el = ref.current;
    const highlights = typeof CSS !== "undefined" && "highlights" in CSS ? (CSS as unknown as { highlights: Map<string, unknown> }).highlights : null;
    const H = typeof window !== "undefined" ? (window as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight : undefined;
    if (!el || !highlights || !H) return;
    if (!passage || passage.statementId !== statementId || passage.revision !== revisionNumber) {
      highlights.delete("casefile-passage");
      return;
    }
    const range = rangeFor(el, passage.start, passage.end);
    if (range) highlights.set("casefile-passage", new H(range));
    return () => {
      highlights.delete("casefile-passage");
    };
  }, [passage, revisionNumber, statementId]);

  // "Show in text": scroll the first mark of that link into view and make it blink once.
  useEffect(() => {
    if (!focus || !ref.current) return;
    const mark = ref.current.querySelector<HTMLElement>(`mark[data-link-ids~="${CSS.escape(focus.id)}"]`);
    if (!mark) return;
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
    mark.classList.remove(styles.flash);
    void mark.offsetWidth;
    mark.classList.add(styles.flash);
  }, [focus]);

  return (
    <div
      ref={ref}
      dir="auto"
      lang={lang}
      className={`testimony ${styles.text}${selectable ? ` ${styles.selectable}` : ""}`}
      data-testid="statement-text"
      data-revision={revisionNumber}
    >
      {segments.map((s) =>
        s.ids.length ? (
          <mark
            key={s.start}
            className={`${styles.mark}${s.ids.length > 1 ? ` ${styles.markMany}` : ""}`}
            data-link-ids={s.ids.join(" ")}
            title={s.labels.join("\n")}
            onClick={() => passageStore.focus(s.ids[0]!)}
          >
            {text.slice(s.start, s.end)}
          </mark>
        ) : (
          text.slice(s.start, s.end)
        ),
      )}
    </div>
  );
}

type Segment = { start: number; end: number; ids: string[]; labels: string[] };

/** Cuts the text at every mark boundary; each piece knows which links cover it. */
function segment(text: string, marks: TextMark[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    if (m.start >= 0 && m.end <= text.length && m.start < m.end) {
      cuts.add(m.start);
      cuts.add(m.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = marks.filter((m) => m.start <= start && m.end >= end);
    out.push({ start, end, ids: covering.map((m) => m.id), labels: covering.map((m) => m.label) });
  }
  return out;
}

/** UTF-16 offset of a DOM boundary point, counted from the start of the container's text. */
function offsetOf(container: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(container, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The current selection as a passage of the text, trimmed of surrounding white space; null if none. */
function selectionPassage(container: HTMLElement, text: string, revision: number) {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const whole = document.createRange();
  whole.selectNodeContents(container);
  // Entirely outside the text: not ours.
  if (range.compareBoundaryPoints(Range.END_TO_START, whole) >= 0 || range.compareBoundaryPoints(Range.START_TO_END, whole) <= 0) return null;
  let start = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0 ? 0 : offsetOf(container, range.startContainer, range.startOffset);
  let end = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0 ? text.length : offsetOf(container, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  return { start, end, quote: text.slice(start, end), revision };
}

/** A DOM range over [start, end) of the container's text. */
function rangeFor(container: HTMLElement, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let pos = 0;
  let startNode: Node | null = null;
  let startOff = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n as Text).data.length;
    if (!startNode && start <= pos + len) {
      startNode = n;
      startOff = start - pos;
    }
    if (startNode && end <= pos + len) {
      const r = document.createRange();
      r.setStart(startNode, startOff);
      r.setEnd(n, end - pos);
      return r;
    }
    pos += len;
  }
  return null;
}
