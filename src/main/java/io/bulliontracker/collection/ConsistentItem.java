package io.bulliontracker.collection;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The item rules that tie fields together (contract, Collection): each broken rule is reported on
 * the field the client has to fix, like the single-field constraints.
 */
@Constraint(validatedBy = ConsistentItem.Validator.class)
@Documented
@Target(TYPE)
@Retention(RUNTIME)
public @interface ConsistentItem {

    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentItem, ItemInput> {

        @Override
        public boolean isValid(ItemInput item, ConstraintValidatorContext context) {
            if (item == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            boolean numismatic = "NUMISMATIC".equals(item.category());
            // A NUMISMATIC item with a coin takes the coin's metal when it names none (checked once the coin is read).
            if (item.metal() == null && !(numismatic && item.namesACoin())) {
                valid = broken(context, "metal", ItemInput.REQUIRED);
            }
            if ("BULLION".equals(item.category())) {
                if (item.type() == null) {
                    valid = broken(context, "type", "is required for BULLION (itemized or bulk)");
                }
                if (item.weightOz() == null || item.weightOz().signum() <= 0) {
                    valid = broken(context, "weightOz", "must be greater than 0 for BULLION");
                }
            }
            if ("custom".equals(item.bookValueType()) && item.customBookValue() == null) {
                valid = broken(context, "customBookValue", "is required (at least 0) for a custom book value");
            }
            if ("guide_price".equals(item.bookValueType())) {
                if (item.category() != null && !numismatic) {
                    valid = broken(context, "bookValueType", "guide_price needs category NUMISMATIC");
                }
                if (!item.namesACoin()) {
                    valid = broken(context, "coinReferenceId", "guide_price needs coinReferenceId or pcgsNumber");
                }
                if (item.grade() == null) {
                    valid = broken(context, "grade", "guide_price needs a grade");
                }
            }
            return valid;
        }

        private static boolean broken(ConstraintValidatorContext context, String field, String reason) {
            context.buildConstraintViolationWithTemplate(reason).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
