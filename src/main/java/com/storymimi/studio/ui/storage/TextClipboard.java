package com.storymimi.studio.ui.storage;

/** Where "Copy URL" puts its text: the system clipboard in the app, a list in tests. */
@FunctionalInterface
public interface TextClipboard {

    void put(String text);
}
