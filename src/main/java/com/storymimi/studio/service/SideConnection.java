package com.storymimi.studio.service;

/**
 * A connection to another saved profile, opened beside the one the window works on for a one-off job (publishing
 * stories to it). Whoever opened it closes it; closing never touches the window's connection.
 */
public interface SideConnection extends Connection, AutoCloseable {

    @Override
    void close();
}
