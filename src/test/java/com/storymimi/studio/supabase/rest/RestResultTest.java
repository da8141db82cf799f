package com.storymimi.studio.supabase.rest;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RestResultTest {

    @Test
    void totalComesFromTheNumberAfterTheSlash() {
        assertEquals(OptionalLong.of(137), RestResult.totalFromContentRange("0-24/137"));
        assertEquals(OptionalLong.of(0), RestResult.totalFromContentRange("*/0"));
        assertEquals(OptionalLong.of(15), RestResult.totalFromContentRange("*/15"));
    }

    @Test
    void unknownTotalIsEmpty() {
        assertEquals(OptionalLong.empty(), RestResult.totalFromContentRange("0-24/*"));
        assertEquals(OptionalLong.empty(), RestResult.totalFromContentRange("*/*"));
        assertEquals(OptionalLong.empty(), RestResult.totalFromContentRange(null));
        assertEquals(OptionalLong.empty(), RestResult.totalFromContentRange("garbage"));
    }
}
