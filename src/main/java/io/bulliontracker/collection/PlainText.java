package io.bulliontracker.collection;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Text PostgreSQL can store: no NUL character (refused with the field's name, not as a failed INSERT). */
@Pattern(regexp = "[^\\x00]*", message = "must not contain a null character")
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "must not contain a null character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
