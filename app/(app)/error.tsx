"use client";

import { ErrorView } from "@/app/_components/error-view";

// Inside the signed-in layout, so the header and navigation stay usable after an error.
export default function AppErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorView digest={error.digest} reset={reset} />;
}
