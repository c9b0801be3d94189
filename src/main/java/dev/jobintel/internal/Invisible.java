package dev.jobintel.internal;

/**
 * Characters no reader should get: a control character (a terminal runs the ESC sequences of
 * text it prints) or an invisible format character (zero-width space, BOM, bidi overrides that
 * make text read otherwise than it is), except the zero-width joiner that emoji are built with.
 * White space is not among them: callers fold it as they need.
 */
public final class Invisible {

    private Invisible() {
    }

    public static boolean is(char c) {
        if (c >= ' ' && c < 0x7f) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT && c != '\u200d';
    }
}
