/*
** Casefile's FTS5 ranking function, loaded into the SQLite search reader (lib/search/stats.ts).
**
**   casefile_bm25(SearchFts, wTitle, wBody, version, nHit0, nHit1, ...)
**
** The Okapi BM25 score FTS5's own bm25() gives (k1 = 1.2, b = 0.75, the same column weights, the
** same sign: lower is better), with one difference: the number of rows that contain each phrase
** of the query (nHit, which the IDF is made of) may be passed in as arguments, in the order the
** phrases appear in the MATCH expression. bm25() counts them itself for every query, by running
** each phrase over the whole table; for a phrase of common words ("in Evin") that is a scan of
** every position list of every row holding them, most of the query's time. Casefile remembers
** those counts while the index is unchanged and passes them here. A count that is missing or NULL
** is counted here exactly as bm25() counts it.
**
** `version` names the state of the index (lib/search/phrase-stats.ts): while it stays the same,
** each record's length in tokens is remembered here between queries, by rowid, instead of being
** read from the %_docsize table for every ranked row of every query (a sixth of a search). A new
** version forgets them all; NULL remembers nothing.
**
** And one more: the third column (the extras, lib/search/index-record.ts normJoinedOf) repeats
** words of the text. It holds each ZWNJ-joined word and, around each word written with a hyphen,
** a window of up to four of the text's words on either side, so that a phrase through a part of
** the word ("dasht prison") is found somewhere. bm25() counts those neighbours a second time and
** the windows in each record's length, so a text with many hyphenated words or dates (1988-07-29)
** ranked as if it said its words twice. Here a phrase's hits in the extras count only in a record
** whose title and text do not have the phrase (then it was found through the extras alone), and
** a record's length (and the average one) is its title's and text's. An index with no extras
** ranks as bm25() does.
*/
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

/* The title and the text: the columns before the extras. */
#define TEXT_COLUMNS 2

/* Record lengths in tokens by rowid (0: not known yet, else length + 1), for one index version. */
typedef struct LenCache LenCache;
struct LenCache {
  char *zVersion;
  sqlite3_int64 nLen;
  unsigned int *aLen;
};
#define MAX_CACHED_ROWID 4000000 /* 16 MB at most */

static void lenCacheReset(LenCache *c, const char *zVersion, int n) {
  sqlite3_free(c->zVersion);
  sqlite3_free(c->aLen);
  c->aLen = 0;
  c->nLen = 0;
  c->zVersion = zVersion ? sqlite3_mprintf("%.*s", n, zVersion) : 0;
}

static void lenCacheDestroy(void *p) {
  LenCache *c = (LenCache *)p;
  lenCacheReset(c, 0, 0);
  sqlite3_free(c);
}

typedef struct RankData RankData;
struct RankData {
  int nPhrase;
  double avgdl;  /* average row length in tokens, title and text */
  double *aIDF;  /* IDF of each phrase */
  double *aFreq; /* per row: weighted hits of each phrase in the title and text */
  double *aExtra; /* per row: weighted hits of each phrase in the extras */
  LenCache *pLen; /* remembered lengths for this query's index version, or 0 */
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
    p = (RankData *)sqlite3_malloc64(sizeof(RankData) + (sqlite3_int64)nPhrase * 3 * sizeof(double));
    if (p == 0) return SQLITE_NOMEM;
    memset(p, 0, sizeof(RankData) + (size_t)nPhrase * 3 * sizeof(double));
    p->nPhrase = nPhrase;
    p->aIDF = (double *)&p[1];
    p->aFreq = &p->aIDF[nPhrase];
    p->aExtra = &p->aFreq[nPhrase];
    rc = pApi->xRowCount(pFts, &nRow);
    for (i = 0; rc == SQLITE_OK && i < TEXT_COLUMNS && i < pApi->xColumnCount(pFts); i++) {
      sqlite3_int64 n = 0;
      rc = pApi->xColumnTotalSize(pFts, i, &n);
      nToken += n;
    }
    if (rc == SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
    for (i = 0; rc == SQLITE_OK && i < nPhrase; i++) {
      sqlite3_int64 nHit = 0;
      int arg = 3 + i; /* after the two column weights and the version */
      if (arg < nVal && sqlite3_value_type(apVal[arg]) != SQLITE_NULL) nHit = sqlite3_value_int64(apVal[arg]);
      else rc = pApi->xQueryPhrase(pFts, i, (void *)&nHit, countRow);
      if (rc == SQLITE_OK) {
        /* The IDF as bm25() has it, floored so that a phrase in most rows still counts a little. */
        double idf = log(((double)nRow - (double)nHit + 0.5) / ((double)nHit + 0.5));
        p->aIDF[i] = idf <= 0.0 ? 1e-6 : idf;
      }
    }
    if (rc == SQLITE_OK && nVal > 2 && sqlite3_value_type(apVal[2]) == SQLITE_TEXT) {
      LenCache *c = (LenCache *)pApi->xUserData(pFts);
      const char *z = (const char *)sqlite3_value_text(apVal[2]);
      int n = sqlite3_value_bytes(apVal[2]);
      if (c->zVersion == 0 || (int)strlen(c->zVersion) != n || memcmp(c->zVersion, z, (size_t)n) != 0) lenCacheReset(c, z, n);
      p->pLen = c->zVersion ? c : 0;
    }
    if (rc == SQLITE_OK) rc = pApi->xSetAuxdata(pFts, p, sqlite3_free);
    else sqlite3_free(p);
    if (rc != SQLITE_OK) return rc;
  }
  *pp = p;
  return rc;
}

/* The current row's length in tokens (title and text), remembered when the index version allows. */
static int rowLength(const Fts5ExtensionApi *pApi, Fts5Context *pFts, LenCache *c, int *pnTok) {
  sqlite3_int64 id = pApi->xRowid(pFts);
  int rc = SQLITE_OK, i;
  if (c && id >= 0 && id < c->nLen && c->aLen[id] != 0) {
    *pnTok = (int)(c->aLen[id] - 1);
    return SQLITE_OK;
  }
  *pnTok = 0;
  for (i = 0; rc == SQLITE_OK && i < TEXT_COLUMNS && i < pApi->xColumnCount(pFts); i++) {
    int n = 0;
    rc = pApi->xColumnSize(pFts, i, &n);
    *pnTok += n;
  }
  if (rc == SQLITE_OK && c && id >= 0 && id < MAX_CACHED_ROWID) {
    if (id >= c->nLen) {
      sqlite3_int64 n = c->nLen ? c->nLen : 4096;
      unsigned int *a;
      while (n <= id) n *= 2;
      if (n > MAX_CACHED_ROWID) n = MAX_CACHED_ROWID;
      a = (unsigned int *)sqlite3_realloc64(c->aLen, n * sizeof(unsigned int));
      if (a == 0) return SQLITE_OK; /* not remembered; the length itself is right */
      memset(&a[c->nLen], 0, (size_t)(n - c->nLen) * sizeof(unsigned int));
      c->aLen = a;
      c->nLen = n;
    }
    c->aLen[id] = (unsigned int)*pnTok + 1;
  }
  return rc;
}

static void casefileBm25(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  RankData *p = 0;
  int nInst = 0, nTok = 0, i;
  double score = 0.0, D;
  int rc = rankData(pApi, pFts, nVal, apVal, &p);
  if (rc == SQLITE_OK) {
    memset(p->aFreq, 0, sizeof(double) * 2 * (size_t)p->nPhrase);
    rc = pApi->xInstCount(pFts, &nInst);
  }
  for (i = 0; rc == SQLITE_OK && i < nInst; i++) {
    int ip, ic, io;
    rc = pApi->xInst(pFts, i, &ip, &ic, &io);
    if (rc != SQLITE_OK) break;
    if (ic >= TEXT_COLUMNS) p->aExtra[ip] += 1 < nVal ? sqlite3_value_double(apVal[1]) : 1.0;
    else p->aFreq[ip] += ic < nVal ? sqlite3_value_double(apVal[ic]) : 1.0;
  }
  /* A phrase found only through the extras counts its hits there, at a text word's weight. */
  for (i = 0; rc == SQLITE_OK && i < p->nPhrase; i++)
    if (p->aFreq[i] == 0.0) p->aFreq[i] = p->aExtra[i];
  if (rc == SQLITE_OK) rc = rowLength(pApi, pFts, p->pLen, &nTok);
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
  {
    LenCache *c = (LenCache *)sqlite3_malloc(sizeof(LenCache));
    if (c == 0) return SQLITE_NOMEM;
    memset(c, 0, sizeof(LenCache));
    return fts->xCreateFunction(fts, "casefile_bm25", (void *)c, casefileBm25, lenCacheDestroy);
  }
}
