// Corroboration: independent witnesses per allegation, per person, event and proceeding.
export { getCorroborationMatrix, getPersonAllegations, getProceedingEvidence, getTimeline, ZMatrixQuery, type AllegationGroup, type Counts, type MatrixCell, type Quote } from "./corroboration";
export { canonicalWitnessIds, countWitnesses } from "./count";
