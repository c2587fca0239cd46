// Corroboration: independent witnesses per allegation, per person, event and proceeding.
export { getCorroborationMatrix, getPersonAllegationQuotes, getPersonAllegations, getPersonAllegationSummary, getProceedingEvidence, getTimeline, ZAllegationQuotesQuery, ZMatrixQuery, type AllegationGroup, type AllegationGroupSummary, type Counts, type MatrixCell, type Quote } from "./corroboration";
export { canonicalWitnessIds, countWitnesses } from "./count";
