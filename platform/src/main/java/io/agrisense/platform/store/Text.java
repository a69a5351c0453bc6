package io.agrisense.platform.store;

/** Text from the outside world made safe for a PostgreSQL text column. */
final class Text {

    private Text() {
    }

    /** Replaces NUL (which PostgreSQL text cannot hold) and cuts to {@code max} characters; null stays null. */
    static String clean(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.indexOf('\u0000') >= 0 ? s.replace('\u0000', '\uFFFD') : s;
        return t.length() <= max ? t : t.substring(0, max - 1) + "\u2026";
    }
}
