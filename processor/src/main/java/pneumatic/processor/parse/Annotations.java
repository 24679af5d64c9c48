package pneumatic.processor.parse;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reading annotations as mirrors, so that errors can point at them and at their values. */
public final class Annotations {

    private Annotations() {}

    /** The qualified name of {@code @Pipeline}. */
    public static final String PIPELINE = "pneumatic.Pipeline";

    /** The annotation of the given type on an element, if present. */
    public static Optional<AnnotationMirror> find(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotationName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The value written for an attribute, or {@code null} when the default applies. */
    public static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The value written for an attribute, else the attribute's declared default. */
    public static Object value(AnnotationMirror mirror, String attribute) {
        AnnotationValue explicit = explicitValue(mirror, attribute);
        return explicit != null ? explicit.getValue() : defaultValue(mirror, attribute);
    }

    /**
     * The value written for an {@code int} attribute, else its declared default. A value javac
     * could not evaluate (an undefined constant, a value of another type) counts as the default:
     * javac reports it, and no rule should report it again.
     */
    public static int intValue(AnnotationMirror mirror, String attribute) {
        Object value = value(mirror, attribute);
        return value instanceof Integer ? (Integer) value : (Integer) defaultValue(mirror, attribute);
    }

    /**
     * A String attribute's value, or its declared default when javac could not evaluate what
     * was written (javac reports that itself).
     */
    public static String stringValue(AnnotationMirror mirror, String attribute) {
        AnnotationValue explicit = explicitValue(mirror, attribute);
        if (explicit == null || isUnevaluated(explicit)) {
            return (String) defaultValue(mirror, attribute);
        }
        Object value = explicit.getValue();
        return value instanceof String ? (String) value : (String) defaultValue(mirror, attribute);
    }

    /** The value javac and Eclipse's compiler give an attribute they could not evaluate. */
    private static final String UNEVALUATED = "<error>";

    /**
     * Whether the compiler could not evaluate a value, such as a constant of an undefined class.
     * Its value is then the String {@code "<error>"}, even for an attribute of another type. javac
     * shows it unquoted, unlike a String that was written; Eclipse's compiler quotes it, so a
     * written {@code "<error>"} counts as unevaluated too, on either compiler; that misreports
     * nothing a user would write, since no attribute of these annotations takes such a text.
     */
    public static boolean isUnevaluated(AnnotationValue value) {
        return value.getValue() instanceof String
                && (!value.toString().startsWith("\"") || value.getValue().equals(UNEVALUATED));
    }

    /** The attribute's declared default. */
    public static Object defaultValue(AnnotationMirror mirror, String attribute) {
        for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
            if (member instanceof ExecutableElement
                    && member.getSimpleName().contentEquals(attribute)
                    && ((ExecutableElement) member).getDefaultValue() != null) {
                return ((ExecutableElement) member).getDefaultValue().getValue();
            }
        }
        throw new IllegalArgumentException("@" + mirror.getAnnotationType() + " has no attribute " + attribute);
    }
}
