package com.storymimi.studio.ui.testing;

import com.storymimi.studio.ui.common.Texts;

import java.util.Locale;
import java.util.ResourceBundle;

/** The real bundle with fixed formats (Locale.ROOT), so tests can assert the exact sentences people read. */
public final class TestTexts {

    private TestTexts() {
    }

    public static Texts create() {
        return new Texts(ResourceBundle.getBundle(Texts.BUNDLE, Locale.ROOT), Locale.ROOT);
    }
}
