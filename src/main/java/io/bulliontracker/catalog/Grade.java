package io.bulliontracker.catalog;

public record Grade(String gradeCode, int numericValue, String gradeCategory, int displayOrder) {
}
