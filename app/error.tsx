"use client";

import { ErrorView } from "./_components/error-view";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="content" id="main">
      <ErrorView digest={error.digest} reset={reset} />
    </main>
  );
}
