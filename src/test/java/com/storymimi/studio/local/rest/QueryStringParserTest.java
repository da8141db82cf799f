package com.storymimi.studio.local.rest;

import com.storymimi.studio.local.http.QueryParam;
import com.storymimi.studio.local.http.QueryStrings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The query string grammar: decoding, PostgREST value quoting, select, order and logic trees. */
class QueryStringParserTest {

    private static QueryAst parse(String rawQuery) {
        return QueryStringParser.parse(QueryStrings.parse(rawQuery));
    }

    private static Condition.Comparison onlyFilter(String rawQuery) {
        List<Condition> filters = parse(rawQuery).filters();
        assertEquals(1, filters.size());
        return (Condition.Comparison) filters.getFirst();
    }

    @Test
    void decodingTurnsPlusIntoSpaceAndKeepsRepeatedKeysInOrder() {
        List<QueryParam> params = QueryStrings.parse("a=1+2&b=%2B%26&a=x%ZZ&c");

        assertEquals(List.of(new QueryParam("a", "1 2"), new QueryParam("b", "+&"), new QueryParam("a", "x%ZZ"),
                new QueryParam("c", "")), params);
    }

    @Test
    void topLevelValuesAreVerbatimIncludingQuotesCommasAndParens() {
        Condition.Comparison c = onlyFilter("title=eq.a,b(c).d%22e");

        assertEquals(new Condition.Comparison("title", Operator.EQ, false, List.of("a,b(c).d\"e")), c);
    }

    @Test
    void inListElementsEndAtCommaOrParenUnlessQuoted() {
        Condition.Comparison c = onlyFilter("title=in.(plain,%22a,b%22,%22x)y%22,%22q\\%22uote\\\\d%22)");

        assertEquals(List.of("plain", "a,b", "x)y", "q\"uote\\d"), c.values());
        assertEquals(Operator.IN, c.operator());
    }

    @Test
    void emptyInListMatchesNothing() {
        assertEquals(List.of(), onlyFilter("id=in.()").values());
    }

    @Test
    void aClosingQuoteMustEndTheElement() {
        PostgrestException e = assertThrows(PostgrestException.class, () -> parse("t=in.(%22a%22b,c)"));

        assertEquals("PGRST100", e.code());
    }

    @Test
    void negationAndIsKeywords() {
        Condition.Comparison c = onlyFilter("user_id=not.is.NULL");

        assertTrue(c.negated());
        assertEquals(Operator.IS, c.operator());
        assertEquals(List.of("null"), c.values());
        assertThrows(PostgrestException.class, () -> parse("user_id=is.maybe"));
    }

    @Test
    void unknownOperatorsAreParseErrors() {
        PostgrestException e = assertThrows(PostgrestException.class, () -> parse("title=foo.1"));

        assertEquals("PGRST100", e.code());
        assertEquals(400, e.status());
    }

    @Test
    void selectSupportsAliasesCastsQuotedNamesAndEmbeds() {
        List<SelectItem> select = parse("select=*,name:username,created_at::text,%22odd,name%22,"
                + "author:users!stories_user_id_fkey(username),scenes!inner(*)").select();

        assertEquals(new SelectItem.Star(), select.get(0));
        assertEquals(new SelectItem.Field("username", "name", null), select.get(1));
        assertEquals(new SelectItem.Field("created_at", null, "text"), select.get(2));
        assertEquals(new SelectItem.Field("odd,name", null, null), select.get(3));
        assertEquals(new SelectItem.Embed("users", "author", "stories_user_id_fkey", false,
                List.of(new SelectItem.Field("username", null, null))), select.get(4));
        assertEquals(new SelectItem.Embed("scenes", null, null, true, List.of(new SelectItem.Star())), select.get(5));
    }

    @Test
    void orderTermsWithDirectionsAndNullsPlacement() {
        List<OrderTerm> order = parse("order=created_at.desc,title,user_id.asc.nullsfirst").order();

        assertEquals(List.of(new OrderTerm("created_at", true, OrderTerm.Nulls.DEFAULT),
                new OrderTerm("title", false, OrderTerm.Nulls.DEFAULT),
                new OrderTerm("user_id", false, OrderTerm.Nulls.FIRST)), order);
        assertTrue(order.get(0).nullsFirst(), "desc puts nulls first by default");
        assertThrows(PostgrestException.class, () -> parse("order=title.sideways"));
    }

    @Test
    void pagingAndWriteParameters() {
        QueryAst ast = parse("limit=10&offset=20&columns=%22title%22,prompt&on_conflict=story_id,sequence");

        assertEquals(10L, ast.limit().orElseThrow());
        assertEquals(20L, ast.offset());
        assertEquals(List.of("title", "prompt"), ast.columns().orElseThrow());
        assertEquals(List.of("story_id", "sequence"), ast.onConflict());
        assertThrows(PostgrestException.class, () -> parse("limit=-1"));
    }

    @Test
    void logicTreesNestAndQuoteLikeLists() {
        Condition.Logical tree = (Condition.Logical) parse(
                "or=(title.ilike.%22*a,b*%22,and(sequence.gt.0,sequence.lt.9),not.and(status.is.null,title.eq.x))")
                .filters().getFirst();

        assertTrue(tree.disjunction());
        assertEquals(new Condition.Comparison("title", Operator.ILIKE, false, List.of("*a,b*")), tree.children().get(0));
        Condition.Logical and = (Condition.Logical) tree.children().get(1);
        assertEquals(2, and.children().size());
        assertTrue(((Condition.Logical) tree.children().get(2)).negated());
    }

    @Test
    void embedScopedParametersAreKeptApart() {
        QueryAst ast = parse("select=*,scenes(*)&scenes.order=sequence&status=eq.COMPLETED");

        assertEquals(1, ast.filters().size());
        assertEquals(List.of(new QueryParam("scenes.order", "sequence")), ast.embedParams());
    }

    @Test
    void nestingIsRefusedPastTheDocumentedLimitsButAcceptedAtThem() {
        String groupsAtLimit = "(" + "or(".repeat(FilterParser.MAX_TREE_DEPTH - 1) + "a.eq.1"
                + ")".repeat(FilterParser.MAX_TREE_DEPTH);
        String embedsAtLimit = "a(".repeat(SelectParser.MAX_EMBED_DEPTH) + "b" + ")".repeat(SelectParser.MAX_EMBED_DEPTH);

        assertEquals(1, parse("or=" + groupsAtLimit).filters().size());
        assertEquals(1, parse("select=" + embedsAtLimit).select().size());
        PostgrestException tree = assertThrows(PostgrestException.class, () -> parse("or=(or" + groupsAtLimit + ")"));
        PostgrestException select = assertThrows(PostgrestException.class, () -> parse("select=x(" + embedsAtLimit + ")"));
        assertEquals(400, tree.status());
        assertTrue(tree.details().contains("nested deeper than " + FilterParser.MAX_TREE_DEPTH), tree.details());
        assertEquals(400, select.status());
        assertTrue(select.details().contains("nested deeper than " + SelectParser.MAX_EMBED_DEPTH), select.details());
    }
}
