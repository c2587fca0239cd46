/*
** Casefile's FTS5 ranking function, loaded into the SQLite search reader (lib/search/stats.ts).
**
**   casefile_bm25(SearchFts, wTitle, wBody, nHit0, nHit1, ...)
**
** The Okapi BM25 score FTS5's own bm25() gives (k1 = 1.2, b = 0.75, the same column weights, the
** same sign: lower is better), with one difference: the number of rows that contain each phrase
** of the query (nHit, which the IDF is made of) may be passed in as arguments, in the order the
** phrases appear in the MATCH expression. bm25() counts them itself for every query, by running
** each phrase over the whole table; for a phrase of common words ("in Evin") that is a scan of
** every position list of every row holding them, most of the query's time. Casefile remembers
** those counts while the index is unchanged and passes them here. A count that is missing or NULL
** is counted here exactly as bm25() counts it, so with no counts at all this is bm25().
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  double avgdl;  /* average row length in tokens, both columns */
  double *aIDF;  /* IDF of each phrase */
  double *aFreq; /* per row: weighted hits of each phrase */
};

static int countRow(const Fts5ExtensionApi *pApi, Fts5Context *pFts, void *pUser) {
  (void)pApi; (void)pFts;
  (*(sqlite3_int64 *)pUser)++;
  return SQLITE_OK;
}

static int rankData(const Fts5ExtensionApi *pApi, Fts5Context *pFts, int nVal, sqlite3_value **apVal, RankData **pp) {
  RankData *p = (RankData *)pApi->xGetAuxdata(pFts, 0);
  int rc = SQLITE_OK;
  if (p == 0) {
    int nPhrase = pApi->xPhraseCount(pFts);
    sqlite3_int64 nRow = 0, nToken = 0;
    int i;
    p = (RankData *)sqlite3_malloc64(sizeof(RankData) + (sqlite3_int64)nPhrase * 2 * sizeof(double));
    if (p == 0) return SQLITE_NOMEM;
    memset(p, 0, sizeof(RankData) + (size_t)nPhrase * 2 * sizeof(double));
    p->nPhrase = nPhrase;
    p->aIDF = (double *)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    rc = pApi->xRowCount(pFts, &nRow);
    if (rc == SQLITE_OK) rc = pApi->xColumnTotalSize(pFts, -1, &nToken);
    if (rc == SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
    for (i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
      sqlite3_int64 nHit = 0;
      int arg = 2 + i; /* after the two column weights */
      if (arg < nVal && sqlite3_value_type(apVal[arg]) != SQLITE_NULL) nHit = sqlite3_value_int64(apVal[arg]);
      else rc = pApi->xQueryPhrase(pFts, i, (void *)&nHit, countRow);
      if (rc == SQLITE_OK) {
        /* The IDF as bm25() has it, floored so that a phrase in most rows still counts a little. */
        double idf = log(((double)nRow - (double)nHit + 0.5) / ((double)nHit + 0.5));
        p->aIDF[i] = idf <= 0.0 ? 1e-6 : idf;
      }
    }
    if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    else sqlite3_free(p);
    if (rc != SQLITE_OK) return rc;
  }
  *pp = p;
  return rc;
}

static void casefileBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  RankData *p = 0;
  int nInst = 0, nTok = 0, i;
  double score = 0.0, D;
  int rc = rankData(pApi, pFts, nVal, apVal, &p);
  if (rc == SQLITE_OK) {
    memset(p->aFreq, 0, sizeof(double) * (size_t)p->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for (i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) p->aFreq[ip] += (ic < 2 && ic < nVal) ? sqlite3_value_double(apVal[ic]) : 1.0;
  }
  if (rc == SQLITE_OK) rc = pApi->xColumnSize(pFts, -1, &nTok);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(pCtx, rc);
    return;
  }
  D = (double)nTok;
  for (i = 0; i < p->nPhrase; i++) score += p->aIDF[i] * ((p->aFreq[i] * (k1 + 1.0)) / (p->aFreq[i] + k1 * (1 - b + b * D / p->avgdl)));
  sqlite3_result_double(pCtx, -1.0 * score);
}

static fts5_api *fts5Api(sqlite3 *db) {
  fts5_api *pRet = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&pRet, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return pRet;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_casefilefts_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  fts5_api *fts;
  SQLITE_EXTENSION_INIT2(pApi);
  fts = fts5Api(db);
  if (fts == 0 || fts->iVersion < 2) {
    *pzErrMsg = sqlite3_mprintf("casefile_bm25: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  return fts->xCreateFunction(fts, "casefile_bm25", 0, casefileBm25, 0);
}
