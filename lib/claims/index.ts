// Claims attributed to sources, compared by topic (lib/claims/claims.ts).
export { createClaim, getClaim, listClaims, listClaimsForSource, listClaimTopics, updateClaim } from "./claims";
export type { ClaimOut } from "./schemas";
