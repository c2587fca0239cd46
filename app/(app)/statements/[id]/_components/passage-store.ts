"use client";

import { useSyncExternalStore } from "react";

// What the statement text and the links panel share on the statement page: the passage the
// researcher selected (or took from a suggestion), which link is being fixed, what a
// suggestion pre-filled, and which link to point out in the text. A tiny store rather than a
// context, because the text and the panel are two separate parts of a server-rendered page.

export type Passage = { statementId: string; start: number; end: number; quote: string; revision: number };
/** The text passages are taken from (set by the statement text when the reader may link), for finding typed words. */
export type Source = { statementId: string; revision: number; text: string };
export type Prefill = { person?: { id: string; name: string }; place?: { id: string; name: string }; note?: string; key: string };

type State = {
  passage: Passage | null;
  fixing: string | null;
  prefill: Prefill | null;
  focus: { id: string; at: number } | null;
  source: Source | null;
};

let state: State = { passage: null, fixing: null, prefill: null, focus: null, source: null };
const listeners = new Set<() => void>();

function set(patch: Partial<State>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const passageStore = {
  get: () => state,
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  select: (passage: Passage | null) => set({ passage }),
  prefill: (prefill: Prefill | null) => set({ prefill }),
  fix: (linkId: string | null) => set({ fixing: linkId, passage: null, prefill: null }),
  focus: (id: string) => set({ focus: { id, at: Date.now() } }),
  source: (source: Source | null) => set({ source }),
  reset: () => set({ passage: null, fixing: null, prefill: null }),
};

const initial: State = { passage: null, fixing: null, prefill: null, focus: null, source: null };

export function usePassageStore(): State {
  return useSyncExternalStore(passageStore.subscribe, passageStore.get, () => initial);
}
