package pneumatic.processor.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * How messages show types and methods: as a reader wrote them, without packages, a nested type
 * with the types around it ({@code Map.Entry<String, Integer>}, {@code Box<String>.Item}). Where
 * two different types of one message would look the same ({@code java.util.Date} and
 * {@code java.sql.Date}), both are shown with their packages: see {@link Names}.
 */
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

    /**
     * {@code lower(String)}, {@code words(String, Sender<String>)}, for a message that shows only
     * it, with the types of its interface's scope as that interface writes them ({@link Names}).
     */
    public static String method(ExecutableElement method) {
        return Names.of(List.of(), List.of(method)).method(method);
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

    /**
     * {@code List<String>}, {@code int[]}, {@code Map<String, ? extends Number>},
     * {@code Map.Entry<String, Integer>}, for a message that shows only this type.
     */
    public static String type(TypeMirror type) {
        return new Names(null, List.of(type)).type(type);
    }

    /**
     * The names of the types and methods of one message. Each type is shown as {@link Display#type}
     * shows it, except that in a message about the methods of an interface, a type nested in that
     * interface or in a type around it is shown as the interface's source can write it
     * ({@code Row} for {@code Ingest.Row} beside {@code Ingest.Steps}, {@code Rows.Row} for
     * {@code Ingest.Rows.Row}); and that types of different classes that would show alike are shown
     * qualified, in every place of the message ({@code take(java.sql.Date) cannot take the
     * java.util.Date ...}).
     */
    public static final class Names {

        /** The interface whose source the names follow, or null. */
        private final TypeElement scope;

        /** The classes to show with their packages, by qualified name; filled by the constructor alone. */
        private final Set<String> qualified = new HashSet<>();

        /**
         * @param mentioned every type the message shows, whose classes decide which are qualified
         */
        private Names(TypeElement scope, List<TypeMirror> mentioned) {
            this.scope = scope;
            Map<String, Set<String>> byName = new HashMap<>(); // shown name -> qualified names
            for (TypeMirror type : mentioned) {
                classesIn(type, element -> byName.computeIfAbsent(shortName(element), name -> new HashSet<>())
                        .add(element.getQualifiedName().toString()));
            }
            byName.values().stream().filter(names -> names.size() > 1).forEach(qualified::addAll);
        }

        /**
         * The names for a message that shows these types and methods (with their parameter types),
         * methods of one interface, if any.
         */
        public static Names of(Collection<? extends TypeMirror> types, Collection<ExecutableElement> methods) {
            List<TypeMirror> all = new ArrayList<>(types);
            TypeElement scope = null;
            for (ExecutableElement method : methods) {
                method.getParameters().forEach(parameter -> all.add(parameter.asType()));
                if (method.getEnclosingElement() instanceof TypeElement) {
                    scope = (TypeElement) method.getEnclosingElement();
                }
            }
            return new Names(scope, all);
        }

        /** The names for a message that shows these methods of one interface, and no other type. */
        public static Names of(ExecutableElement... methods) {
            return of(List.of(), List.of(methods));
        }

        /**
         * A class's name without its package, and without the types around it that the scope's
         * source need not write: the scope itself, the types around it, and the types that these
         * inherit from (whose member types they inherit).
         */
        private String shortName(TypeElement type) {
            String name = type.getSimpleName().toString();
            for (Element enclosing = type.getEnclosingElement(); enclosing instanceof TypeElement;
                    enclosing = enclosing.getEnclosingElement()) {
                if (inScope((TypeElement) enclosing)) {
                    return name;
                }
                name = enclosing.getSimpleName() + "." + name;
            }
            return name;
        }

        /** Whether the scope's source names the members of {@code type} by their simple names. */
        private boolean inScope(TypeElement type) {
            for (Element e = scope; e instanceof TypeElement; e = e.getEnclosingElement()) {
                if (isOrInherits((TypeElement) e, type, new HashSet<>())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code sub} is {@code type} or a subtype of it; {@code seen} guards an erroneous cycle. */
        private static boolean isOrInherits(TypeElement sub, TypeElement type, Set<TypeElement> seen) {
            if (sub.equals(type)) {
                return true;
            }
            if (!seen.add(sub)) {
                return false;
            }
            List<TypeMirror> supertypes = new ArrayList<>(sub.getInterfaces());
            supertypes.add(sub.getSuperclass());
            for (TypeMirror supertype : supertypes) {
                if (supertype.getKind() == TypeKind.DECLARED
                        && isOrInherits((TypeElement) ((DeclaredType) supertype).asElement(), type, seen)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code lower(String)}, {@code words(String, Sender<String>)}. */
        public String method(ExecutableElement method) {
            return method(method, method.getParameters().stream().map(VariableElement::asType)
                    .collect(Collectors.toList()));
        }

        /** The method with these parameter types, as a type inherits it: {@code up(String)} for {@code up(T)}. */
        public String method(ExecutableElement method, List<? extends TypeMirror> parameterTypes) {
            return method.getSimpleName()
                    + parameterTypes.stream().map(this::type).collect(Collectors.joining(", ", "(", ")"));
        }

        /** {@code List<String>}, {@code int[]}, {@code Map.Entry<String, ? extends Number>}. */
        public String type(TypeMirror type) {
            switch (type.getKind()) {
                case DECLARED:
                case ERROR:
                    return declared((DeclaredType) type, false);
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
                    return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT)
                            : type.toString();
            }
        }

        /**
         * An inner class's type after the type it is a member of ({@code Box<String>.Item}), any
         * other after the names of the types it is nested in ({@code Map.Entry<K, V>}).
         *
         * @param withPackage whether to start with the package, as a type nested in this one must
         */
        private String declared(DeclaredType type, boolean withPackage) {
            Element element = type.asElement();
            String qualifiedName = element instanceof TypeElement
                    ? ((TypeElement) element).getQualifiedName().toString() : "";
            boolean qualify = withPackage || qualified.contains(qualifiedName);
            String name;
            if (isInner(type)) {
                name = declared((DeclaredType) type.getEnclosingType(), qualify) + "." + element.getSimpleName();
            } else if (qualify && !qualifiedName.isEmpty()) {
                name = qualifiedName;
            } else {
                name = element instanceof TypeElement ? shortName((TypeElement) element)
                        : element.getSimpleName().toString();
            }
            if (type.getTypeArguments().isEmpty()) {
                return name;
            }
            return name + type.getTypeArguments().stream()
                    .map(this::type)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
    }

    /** Hands every class that a type names to {@code found}: its own, its type arguments', and so on. */
    private static void classesIn(TypeMirror type, Consumer<TypeElement> found) {
        switch (type.getKind()) {
            case DECLARED:
            case ERROR:
                DeclaredType declared = (DeclaredType) type;
                if (declared.asElement() instanceof TypeElement) {
                    found.accept((TypeElement) declared.asElement());
                }
                declared.getTypeArguments().forEach(argument -> classesIn(argument, found));
                if (isInner(declared)) {
                    classesIn(declared.getEnclosingType(), found);
                }
                break;
            case ARRAY:
                classesIn(((ArrayType) type).getComponentType(), found);
                break;
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    classesIn(wildcard.getExtendsBound(), found);
                }
                if (wildcard.getSuperBound() != null) {
                    classesIn(wildcard.getSuperBound(), found);
                }
                break;
            default: // primitives, type variables (shown by their names alone)
        }
    }

    /**
     * Whether {@code type} is of an inner class, whose type includes the type it is a member of
     * ({@code Box<String>.Item}). A static member (a static class, an interface, an enum, a record)
     * has none, though Eclipse's compiler gives it the generic type around it as its enclosing type.
     */
    private static boolean isInner(DeclaredType type) {
        Element element = type.asElement();
        return type.getEnclosingType().getKind() == TypeKind.DECLARED && element.getKind() == ElementKind.CLASS
                && !element.getModifiers().contains(Modifier.STATIC);
    }
}
