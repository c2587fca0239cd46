// Corroboration: independent witnesses per allegation, per person, event and proceeding.
export { getCorroborationMatrix, getGraph, getPersonAllegationQuotes, getPersonAllegations, getPersonAllegationSummary, getProceedingEvidence, PERSON_EVENTS_PER_PAGE, getTimeline, ZAllegationQuotesQuery, ZMatrixQuery, ZTimelineQuery, MATRIX_MAX_EVENTS, MATRIX_MAX_PERSONS, TIMELINE_MAX_EVENTS, TIMELINE_MAX_PERSONS, type AllegationGroup, type AllegationGroupSummary, type Counts, type MatrixCell, type Quote } from "./corroboration";
export { canonicalWitnessIds, countWitnesses } from "./count";
