// The exhibits domain: files stored by SHA-256, their chain of custody and their verification.
export { addCustodyEntry } from "./add-custody-entry";
export { getExhibit, listAllExhibits, listExhibitsFor, openExhibitStream, type ExhibitDetail } from "./read-exhibits";
export { uploadExhibit, type UploadResult } from "./upload-exhibit";
export { verifyAllExhibits, verifyExhibit, type VerifyAllResult } from "./verify-exhibit";
export type { CustodyOut, ExhibitOut } from "./shared";
