"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const path = usePathname();
  const active = (href: string) => (href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`));
  const list = useRef<HTMLUListElement>(null);
  // The phone's folded menu (the header's <details>) closes once a link in it has been followed:
  // the layout stays on the page across client navigations, and so would an open menu.
  useEffect(() => {
    list.current?.closest("details")?.removeAttribute("open");
  }, [path]);
  return (
    <ul ref={list}>
      {items.map((i) => (
        <li key={i.href}>
          <Link href={i.href} aria-current={active(i.href) ? "page" : undefined}>
            {i.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
