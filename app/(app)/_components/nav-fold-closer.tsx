"use client";

import { useEffect } from "react";

// The phone menu is a <details> (layout.tsx): it opens and closes from its button, by mouse or
// keyboard, without scripts. Escape closes it too, as a menu does, and gives the focus back to
// its button, so the keyboard goes on from where the menu was opened.
export function NavFoldCloser() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      const fold = document.querySelector<HTMLDetailsElement>("details.nav-fold[open]");
      // On a wide screen the menu's box is not drawn (its button is hidden): nothing to close.
      const toggle = fold?.querySelector<HTMLElement>(":scope > summary");
      if (!fold || !toggle || toggle.offsetParent === null) return;
      fold.open = false;
      toggle.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
