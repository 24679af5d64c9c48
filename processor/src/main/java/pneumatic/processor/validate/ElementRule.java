package pneumatic.processor.validate;

import javax.lang.model.element.TypeElement;
import pneumatic.processor.diag.Report;

/** A check of the annotated type itself, before its methods are parsed. */
public interface ElementRule {

    /**
     * Reports what is wrong with the type.
     *
     * @return {@code false} if the type cannot be parsed as a pipeline at all, so that nothing
     *     more is checked; {@code true} otherwise, even after reporting an error
     */
    boolean check(TypeElement type, Report report);
}
