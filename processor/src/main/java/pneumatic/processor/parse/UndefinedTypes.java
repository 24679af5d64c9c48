package pneumatic.processor.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Parameterizable;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import pneumatic.processor.model.Role;

/**
 * Finds what a pipeline's declarations refer to that does not exist (yet): its superinterfaces,
 * types in the step signatures, and annotation values javac could not evaluate. Another
 * processor may generate them in a later round, so such a pipeline is set aside until then
 * rather than parsed now. In the last round it is parsed and checked all the same, and the rules
 * leave alone what an undefined type decides.
 */
public final class UndefinedTypes {

    private UndefinedTypes() {}

    /** What JDK 17 calls an undefined type written with type arguments. */
    private static final String UNNAMED = "<any>";

    /** What kind of thing is missing, which decides how it is reported at the end. */
    public enum Kind {
        /** A type: {@code [Pipeline/Undefined]} names it. */
        TYPE,
        /** An annotation attribute javac could not evaluate: {@code [Pipeline/Undefined]} too. */
        VALUE,
        /** A type variable of an enclosing class: javac's own error says it better; not reported. */
        OUTER_TYPE_VARIABLE,
        /**
         * A type javac no longer names ({@code <any>}: JDK 17 for an undefined generic type, such
         * as a {@code Sender<String>} whose import is missing): javac's own error names it; not
         * reported.
         */
        UNNAMED,
        /**
         * An annotation type on a method, such as {@code @Stage} without its import: javac's
         * "cannot find symbol" names it; not reported.
         */
        ANNOTATION
    }

    /**
     * One thing that does not exist.
     *
     * @param name how the source names it; for a value, the attribute's name ({@code workers})
     * @param where the narrowest element whose declaration mentions it
     * @param kind what it is
     */
    public record Undefined(String name, Element where, Kind kind) {}

    /**
     * What the interface's superinterfaces, methods, their annotations and the step annotations'
     * values refer to that is undefined. A superinterface counts because what it declares decides
     * whether the interface is valid (an abstract method it brings is an
     * {@code [Pipeline/Inherited]} error).
     */
    public static List<Undefined> in(TypeElement pipeline, UnresolvedAnnotations unresolved) {
        Set<String> outerTypeVariables = outerTypeVariables(pipeline);
        List<Undefined> missing = new ArrayList<>();
        for (TypeMirror superinterface : pipeline.getInterfaces()) {
            collect(superinterface, pipeline, outerTypeVariables, missing);
        }
        for (ExecutableElement method : ElementFilter.methodsIn(pipeline.getEnclosedElements())) {
            collect(method.getReturnType(), method, outerTypeVariables, missing);
            for (VariableElement parameter : method.getParameters()) {
                collect(parameter.asType(), parameter, outerTypeVariables, missing);
            }
            for (TypeMirror thrown : method.getThrownTypes()) {
                collect(thrown, method, outerTypeVariables, missing);
            }
            for (String annotation : unresolved.on(method)) {
                missing.add(new Undefined(annotation, method, Kind.ANNOTATION));
            }
            for (Role role : Role.values()) {
                Annotations.find(method, role.annotationName()).ifPresent(mirror -> {
                    for (String attribute : new String[] {"workers", "capacity"}) {
                        AnnotationValue value = Annotations.explicitValue(mirror, attribute);
                        if (value != null && !(value.getValue() instanceof Integer)) {
                            missing.add(new Undefined(attribute, method, Kind.VALUE));
                        }
                    }
                });
            }
        }
        Annotations.find(pipeline, Annotations.PIPELINE).ifPresent(mirror -> invalidValues(mirror, pipeline, missing));
        return missing;
    }

    /** Whether a type is undefined, or has an undefined type in it (an argument, component or bound). */
    public static boolean mentions(TypeMirror type) {
        List<Undefined> missing = new ArrayList<>();
        collect(type, null, Set.of(), missing);
        return !missing.isEmpty();
    }

    private static void invalidValues(AnnotationMirror mirror, Element where, List<Undefined> missing) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (!(entry.getValue().getValue() instanceof String) || Annotations.isUnevaluated(entry.getValue())) {
                missing.add(new Undefined(entry.getKey().getSimpleName().toString(), where, Kind.VALUE));
            }
        }
    }

    /** Names of the type variables of the types around the pipeline, which it cannot use. */
    private static Set<String> outerTypeVariables(TypeElement pipeline) {
        Set<String> names = new HashSet<>();
        for (Element e = pipeline.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
            if (e instanceof Parameterizable) {
                for (TypeParameterElement parameter : ((Parameterizable) e).getTypeParameters()) {
                    names.add(parameter.getSimpleName().toString());
                }
            }
        }
        return names;
    }

    private static void collect(TypeMirror type, Element where, Set<String> outer, List<Undefined> missing) {
        TypeMentions.forEach(type, mention -> {
            if (mention.getKind() == TypeKind.ERROR && isToBeNamed((DeclaredType) mention)) {
                // the missing class itself, without the arguments written for it ("Sender" of
                // "Sender<String>"); JDK 17 calls an undefined generic type "<any>"
                String name = ((DeclaredType) mention).asElement().getSimpleName().toString();
                missing.add(new Undefined(name, where, outer.contains(name) ? Kind.OUTER_TYPE_VARIABLE
                        : name.equals(UNNAMED) ? Kind.UNNAMED : Kind.TYPE));
            }
        });
    }

    /**
     * Whether a type's class is undefined, and not only something in its arguments: Eclipse's
     * compiler calls all of {@code Optional<Word>} undefined when only {@code Word} is.
     */
    static boolean isClassUndefined(TypeMirror type) {
        return type.getKind() == TypeKind.ERROR
                && ((DeclaredType) type).asElement().asType().getKind() == TypeKind.ERROR;
    }

    /**
     * Whether to name an undefined type: when its class is missing, or when nothing it mentions is
     * undefined. Eclipse's compiler calls all of {@code List<Word>} undefined when only
     * {@code Word} is, and then {@code Word} is the one to name, not {@code List}; it also calls
     * {@code Box<Missing>.Item} undefined without showing its {@code Box<Missing>}, and then
     * {@code Item} is the best name there is.
     */
    private static boolean isToBeNamed(DeclaredType undefined) {
        if (isClassUndefined(undefined)) {
            return true;
        }
        Predicate<TypeMirror> undefinedInside = part -> TypeMentions.anyMatch(part,
                mention -> mention.getKind() == TypeKind.ERROR);
        return undefined.getTypeArguments().stream().noneMatch(undefinedInside)
                && !undefinedInside.test(undefined.getEnclosingType());
    }
}
