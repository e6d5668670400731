package io.bulliontracker.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradeCodesTest {

    private static final Set<String> CODES = Set.of("MS65", "PR70", "AU58", "G04");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MS65|MS65|MS65|false",
            "ms65|ms65|MS65|false",
            "ms 65|ms 65|MS65|false",
            "'  Ms\t6 5 '|Ms\t6 5|MS65|false",
            "~MS65|MS65|MS65|true",
            "~ ms 65|ms 65|MS65|true",
            "~~MS65|MS65|MS65|true",
            "' ~ ~ pr70 '|pr70|PR70|true",
            "MS65+|MS65+|MS65+|false",
            "~pr69dcam|pr69dcam|PR69DCAM|true",
            "ms\u00a065|ms\u00a065|MS65|false"})
    void setsTheMarkAsideAndIgnoresCaseAndSpaces(String raw, String typed, String normalised, boolean estimated) {
        GradeCodes.GradeText grade = GradeCodes.normalise(raw);
        assertEquals(typed, grade.typed());
        assertEquals(normalised, grade.normalised());
        assertEquals(estimated, grade.estimated());
    }

    @Test
    void nullStaysNull() {
        assertNull(GradeCodes.normalise(null));
    }

    @Test
    void aBlankOrBareMarkIsEmpty() {
        assertEquals(new GradeCodes.GradeText("", "", false), GradeCodes.normalise("   "));
        assertEquals(new GradeCodes.GradeText("", "", true), GradeCodes.normalise(" ~ "));
    }

    @Test
    void upperCasingDoesNotDependOnTheDefaultLocale() {
        // Turkish upper-cases "i" to "İ": a grade must not stop being a code on such a machine.
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertEquals("FI12", GradeCodes.normalise("fi12").normalised());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aTextNamesACodeOnlyWhenItEqualsOneOnceCaseAndSpacesAreIgnored() {
        assertEquals("MS65", GradeCodes.normalise("~ms 65").codeIn(CODES));
        assertEquals("G04", GradeCodes.normalise("g04").codeIn(CODES));
        assertNull(GradeCodes.normalise("MS65+").codeIn(CODES));
        assertNull(GradeCodes.normalise("G4").codeIn(CODES));
        assertNull(GradeCodes.normalise("MS-65").codeIn(CODES));
        assertNull(GradeCodes.normalise("").codeIn(CODES));
    }

    @Test
    void aCodeIsStoredAsTheCodeAndFreeTextAsTyped() {
        assertEquals("MS65", GradeCodes.normalise("ms 65").storedIn(CODES));
        assertEquals("pr69 dcam", GradeCodes.normalise("~ pr69 dcam ").storedIn(CODES));
        assertTrue(GradeCodes.normalise("~ pr69 dcam ").estimated());
        assertFalse(GradeCodes.normalise("pr69").estimated());
    }
}
