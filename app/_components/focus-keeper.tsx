"use client";

import { useEffect } from "react";

// After a form's action the page is drawn again from the server, and the form may be gone with
// the focus that was in it: a statement taken for review, a decision recorded, a link saved. The
// browser then gives the focus to the page itself, and the keyboard starts again at the top,
// twenty links from where the reader was. This puts it back near where it was: on the heading of
// the place the answer sent the reader to (an address's #part), or else of the section that held
// the form, or else on the page's main content. Only when the focus was lost: a form that stays
// keeps it, and a refused one moves it to its first error itself (useFormFocus).

/** How long after a submission a lost focus is still the submission's doing. */
const WITHIN_MS = 15_000;

function home(el: Element | null): HTMLElement | null {
  if (!el) return null;
  const heading = el.matches("h1, h2, h3") ? el : el.querySelector("h1, h2, h3");
  const target = (heading ?? el) as HTMLElement;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  return target;
}

export function FocusKeeper() {
  useEffect(() => {
    let pending: { form: HTMLFormElement; section: Element | null; sectionId: string; hash: string; at: number } | null = null;
    const onSubmit = (e: SubmitEvent) => {
      if (!(e.target instanceof HTMLFormElement)) return;
      const section = e.target.closest("section");
      pending = { form: e.target, section, sectionId: section?.id ?? "", hash: location.hash, at: Date.now() };
    };
    const lost = () => document.activeElement === null || document.activeElement === document.body;
    const restore = () => {
      if (!pending) return;
      if (Date.now() - pending.at > WITHIN_MS) {
        pending = null;
        return;
      }
      if (!lost() || pending.form.isConnected) return;
      const hashed = location.hash !== pending.hash && location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      const section = pending.section?.isConnected ? pending.section : pending.sectionId ? document.getElementById(pending.sectionId) : null;
      const target = home(hashed ?? section ?? document.getElementById("main"));
      pending = null;
      target?.focus({ preventScroll: hashed === null && section !== null ? false : true });
    };
    const observer = new MutationObserver(restore);
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener("submit", onSubmit, true);
    return () => {
      observer.disconnect();
      document.removeEventListener("submit", onSubmit, true);
    };
  }, []);
  return null;
}
