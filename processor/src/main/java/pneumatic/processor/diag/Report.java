package pneumatic.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors found in one {@code @Pipeline} interface. Each goes to javac at once, on the
 * narrowest position known (element, then annotation, then annotation value), so that the
 * caret lands on the mistake; reporting never stops the checks, so one compile shows every
 * error of the interface.
 */
public final class Report {

    private final Messager messager;

    /** Errors reported so far. */
    private int errors;

    public Report(Messager messager) {
        this.messager = messager;
    }

    /** Reports an error on an element (a type, method or parameter). */
    public void error(Element element, String message) {
        error(element, null, null, message);
    }

    /**
     * Reports an error on an annotation of an element (the element itself if {@code annotation}
     * is null), and on one of the annotation's values if {@code value} is given.
     */
    public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        errors++;
        if (annotation == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        } else if (value == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }
}
