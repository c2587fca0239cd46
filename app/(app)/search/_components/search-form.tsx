"use client";

import { useRouter } from "next/navigation";
import { cleanSearchParams } from "../_lib/clean-query";

/**
 * The search page's GET form. With scripts, sending it goes to the address with only the
 * filled fields; without them (or before they run) the browser sends every field and the
 * page redirects to the same clean address.
 */
export function SearchForm({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  return (
    <form
      method="get"
      action="/search"
      role="search"
      data-testid="search-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fields = [...new FormData(e.currentTarget)].flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as const] : []));
        const { params } = cleanSearchParams(fields);
        router.push(params.size ? `/search?${params}` : "/search");
      }}
    >
      {children}
    </form>
  );
}
