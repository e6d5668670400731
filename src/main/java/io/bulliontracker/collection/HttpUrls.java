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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Image URLs: each an absolute {@code http} or {@code https} URL of at most 2,048 characters. One
 * constraint on the list rather than constraints on its elements, so that the 400 names the field
 * {@code images} and the position of the bad entry.
 */
@Constraint(validatedBy = HttpUrls.Validator.class)
@Documented
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface HttpUrls {

    int MAX_LENGTH = 2048;

    String message() default "must be http or https URLs of at most 2048 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HttpUrls, List<String>> {

        @Override
        public boolean isValid(List<String> urls, ConstraintValidatorContext context) {
            if (urls == null) {
                return true;
            }
            for (int i = 0; i < urls.size(); i++) {
                if (!isHttpUrl(urls.get(i))) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("entry " + i
                            + " must be an http or https URL of at most " + MAX_LENGTH + " characters")
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }

        private static boolean isHttpUrl(String url) {
            if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
                return false;
            }
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
