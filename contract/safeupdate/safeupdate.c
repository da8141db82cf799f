/*
 * A stand-in for pg-safeupdate (https://github.com/eradman/pg-safeupdate) for the contract backend, because
 * Debian packages no pg-safeupdate: loaded as "safeupdate" it refuses an UPDATE or DELETE without a WHERE
 * clause with the same SQLSTATE (21000) and message, at the top level and inside WITH, so the contract suite
 * checks supabase/migrations' safe mode on real PostgREST. Real Supabase projects use the real extension.
 */
#include "postgres.h"

#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "parser/analyze.h"

PG_MODULE_MAGIC;

void _PG_init(void);

static post_parse_analyze_hook_type previous_hook = NULL;

static void
require_where(Query *query)
{
    ListCell *cell;

    if ((query->commandType == CMD_UPDATE || query->commandType == CMD_DELETE)
        && query->jointree != NULL && query->jointree->quals == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_CARDINALITY_VIOLATION),
                 errmsg("%s requires a WHERE clause",
                        query->commandType == CMD_DELETE ? "DELETE" : "UPDATE")));

    foreach(cell, query->cteList)
    {
        CommonTableExpr *cte = lfirst_node(CommonTableExpr, cell);

        if (IsA(cte->ctequery, Query))
            require_where((Query *) cte->ctequery);
    }
}

static void
safeupdate_post_parse_analyze(ParseState *pstate, Query *query, JumbleState *jstate)
{
    if (previous_hook != NULL)
        previous_hook(pstate, query, jstate);
    require_where(query);
}

void
_PG_init(void)
{
    previous_hook = post_parse_analyze_hook;
    post_parse_analyze_hook = safeupdate_post_parse_analyze;
}
