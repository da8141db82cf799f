package com.storymimi.studio.local.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done inside one transaction on one connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
