package io.bulliontracker.collection;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A purchase date as the clients send it: {@code YYYY-MM-DD} (mobile, typed by hand) or an ISO-8601
 * timestamp (the web client's {@code 2025-01-15T00:00:00.000Z}), whose UTC date is kept; not after
 * today (UTC).
 */
@Constraint(validatedBy = PurchaseDate.Validator.class)
@Documented
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PurchaseDate {

    String message() default "must be a date YYYY-MM-DD or an ISO-8601 timestamp";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PurchaseDate, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            LocalDate date;
            try {
                date = ItemRules.purchaseDate(value);
            } catch (DateTimeParseException e) {
                return false;
            }
            if (date != null && date.isAfter(LocalDate.now(ZoneOffset.UTC))) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not be in the future").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
