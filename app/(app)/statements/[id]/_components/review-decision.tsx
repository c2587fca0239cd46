import { ClientMessages } from "@/app/_components/client-messages";
import { decideReviewAction } from "../../../review/actions";
import { ReviewForm } from "./review-form";

/**
 * The assigned reviewer's decision form, with the interface text it needs (the grading scales
 * too): only that reviewer is shown it, so no other reader's page carries that text.
 */
export function ReviewDecision({ statementId, ...props }: { statementId: string; revisionNumber: number; text: string; lang: string; consentInForce: boolean }) {
  return (
    <ClientMessages namespaces={["review", "grading", "errors"]}>
      <ReviewForm decide={decideReviewAction.bind(null, statementId)} {...props} />
    </ClientMessages>
  );
}
