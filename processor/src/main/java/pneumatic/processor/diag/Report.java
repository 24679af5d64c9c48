package pneumatic.processor.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The errors found in one {@code @Pipeline} interface, each on the narrowest position known
 * (element, then annotation, then annotation value), so that the caret lands on the mistake.
 * Reporting never stops the checks, so one compile shows every error of the interface.
 *
 * <p>The checks run rule by rule, not line by line, so the errors are held until {@link #flush}
 * and then go to javac in the order of the interface's source, as javac's own errors do: the
 * interface's own first, then each member's in declaration order, and within a member those on
 * an annotation, then on the method, then on its parameters. Errors in the same place keep the
 * order in which they were found.
 */
public final class Report {

    /** An error held until {@link #flush}; {@code annotation} and {@code value} may be null. */
    private record Held(Element element, AnnotationMirror annotation, AnnotationValue value, String message,
            int member, int part) {}

    private static final Comparator<Held> SOURCE_ORDER =
            Comparator.comparingInt(Held::member).thenComparingInt(Held::part);

    private final Messager messager;

    /** The interface whose members decide the order, or null for errors outside any interface. */
    private final TypeElement scope;

    /** Errors found and not yet flushed, in the order found; only the one processing thread. */
    private final List<Held> held = new ArrayList<>();

    /** Errors reported so far, flushed or not. */
    private int errors;

    /**
     * @param scope the interface being checked, whose source order the errors follow; null for
     *     errors that belong to no one interface (they keep the order in which they are found)
     */
    public Report(Messager messager, TypeElement scope) {
        this.messager = messager;
        this.scope = scope;
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
        held.add(new Held(element, annotation, value, message, member(element), part(element, annotation)));
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** Hands every error held so far to javac, in source order (see the class comment). */
    public void flush() {
        held.sort(SOURCE_ORDER); // stable: errors in one place keep the order they were found in
        for (Held error : held) {
            if (error.annotation() == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, error.message(), error.element());
            } else if (error.value() == null) {
                messager.printMessage(Diagnostic.Kind.ERROR, error.message(), error.element(), error.annotation());
            } else {
                messager.printMessage(Diagnostic.Kind.ERROR, error.message(), error.element(), error.annotation(),
                        error.value());
            }
        }
        held.clear();
    }

    /**
     * The index among the scope's members of the one that holds {@code element}: -1 for the
     * scope itself, after every member for an element outside it (such as an inherited method).
     */
    private int member(Element element) {
        if (scope == null) {
            return 0;
        }
        List<? extends Element> members = scope.getEnclosedElements();
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            if (e.equals(scope)) {
                return -1;
            }
            if (scope.equals(e.getEnclosingElement())) {
                return members.indexOf(e);
            }
        }
        return members.size();
    }

    /** Where in its member an error sits: annotations come first, then the name, then parameters. */
    private static int part(Element element, AnnotationMirror annotation) {
        if (annotation != null) {
            return 0;
        }
        Element owner = element.getEnclosingElement();
        if (owner instanceof ExecutableElement) {
            return 2 + ((ExecutableElement) owner).getParameters().indexOf(element);
        }
        return 1;
    }
}
