package com.storymimi.studio.local.http;

/** One decoded key=value pair of a query string, in request order. */
public record QueryParam(String key, String value) {
}
