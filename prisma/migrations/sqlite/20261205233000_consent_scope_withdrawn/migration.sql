-- The withdrawn grants of a scope, for the researchers' and reviewers' rule (lib/witnesses
-- withheldWitnessIds): which witnesses withdrew consent to internal research, read on every list
-- and search of theirs, without reading every grant.
CREATE INDEX "Consent_scope_withdrawnAt_idx" ON "Consent"("scope", "withdrawnAt");
