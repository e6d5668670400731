package io.bulliontracker.catalog;

import java.util.Locale;
import java.util.Set;

/**
 * The one rule for reading a grade a person typed, shared by the catalog's price lookups and the
 * collection's item grades: a leading {@code ~} marks an estimated grade and is set aside; case and
 * spaces do not count, so {@code "~ ms 65"} names the code {@code MS65}, estimated. Pure: which texts
 * are codes is the caller's set (the valid grades live in the database).
 */
public final class GradeCodes {

    private GradeCodes() {
    }

    /**
     * A grade as typed, split up.
     *
     * @param typed      the text without its {@code ~} marks and outer spaces, as typed ({@code "ms 65"})
     * @param normalised {@code typed} upper-cased without any spaces ({@code "MS65"}): the form codes take
     * @param estimated  whether the text started with {@code ~}
     */
    public record GradeText(String typed, String normalised, boolean estimated) {

        /** The code this text names among {@code codes}, or null when it names none of them. */
        public String codeIn(Set<String> codes) {
            return codes.contains(normalised) ? normalised : null;
        }

        /** What to store for this text: the code it names, else the text as typed (free-text grades). */
        public String storedIn(Set<String> codes) {
            String code = codeIn(codes);
            return code != null ? code : typed;
        }
    }

    /**
     * {@code "ms 65"} → ({@code "ms 65"}, {@code "MS65"}, false); {@code "~MS65"} and {@code "~~ ms65"} →
     * (…, {@code "MS65"}, true): repeated marks count once, so nobody ends up with {@code ~~}. Null for null.
     */
    public static GradeText normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        boolean estimated = false;
        while (text.startsWith("~")) {
            estimated = true;
            text = text.substring(1).strip();
        }
        StringBuilder normalised = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(normalised::appendCodePoint);
        return new GradeText(text, normalised.toString().toUpperCase(Locale.ROOT), estimated);
    }
}
