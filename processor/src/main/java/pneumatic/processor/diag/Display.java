package pneumatic.processor.diag;

import java.util.Locale;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/** How messages show types and methods: as a reader wrote them, with simple names. */
public final class Display {

    private Display() {}

    /**
     * What a message calls an element: a method as {@link #method}, a parameter as its method
     * (the error's position points at the parameter itself), a type by its simple name.
     */
    public static String of(Element element) {
        if (element instanceof ExecutableElement) {
            return method((ExecutableElement) element);
        }
        if (element instanceof VariableElement && element.getEnclosingElement() instanceof ExecutableElement) {
            return method((ExecutableElement) element.getEnclosingElement());
        }
        return element.getSimpleName().toString();
    }

    /** {@code lower(String)}, {@code words(String, Sender<String>)}. */
    public static String method(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream()
                .map(VariableElement::asType)
                .map(Display::type)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * A type's name with the types it is nested in and without its package: {@code Outer.Hidden},
     * {@code Map.Entry}.
     */
    public static String nestedName(TypeElement type) {
        String name = type.getSimpleName().toString();
        Element enclosing = type.getEnclosingElement();
        return enclosing instanceof TypeElement ? nestedName((TypeElement) enclosing) + "." + name : name;
    }

    /** {@code List<String>}, {@code int[]}, {@code Map<String, ? extends Number>}. */
    public static String type(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED:
            case ERROR:
                DeclaredType declared = (DeclaredType) type;
                String name = declared.asElement().getSimpleName().toString();
                if (declared.getTypeArguments().isEmpty()) {
                    return name;
                }
                return name + declared.getTypeArguments().stream()
                        .map(Display::type)
                        .collect(Collectors.joining(", ", "<", ">"));
            case ARRAY:
                return type(((ArrayType) type).getComponentType()) + "[]";
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + type(wildcard.getExtendsBound());
                }
                if (wildcard.getSuperBound() != null) {
                    return "? super " + type(wildcard.getSuperBound());
                }
                return "?";
            case TYPEVAR:
                return ((TypeVariable) type).asElement().getSimpleName().toString();
            default:
                // a primitive's toString() holds its type annotations ("@Tag(\"*/\") int"), which
                // would also end the generated Javadoc that shows the step's signature
                return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT) : type.toString();
        }
    }
}
