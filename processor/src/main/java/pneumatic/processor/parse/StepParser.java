package pneumatic.processor.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Role;
import pneumatic.processor.model.Shape;
import pneumatic.processor.model.Step;

/**
 * Reads one step method: its annotation's values and which shape of its role its signature
 * has, with the types that flow in and out. A signature that fits no shape is reported here
 * and yields a step without a shape, so the rest of the interface is still checked.
 *
 * <p>A type javac could not find (an error type) may turn out to be any class or interface: one
 * another processor has yet to generate, or a {@code Sender} or {@code Optional} whose import is
 * missing. Where such a type decides the shape (a source's return type or only parameter, a
 * stage's return type or second parameter) the step is left without a shape and nothing is
 * reported: {@code [Pipeline/Undefined]} and javac say what is wrong. What holds whatever the
 * type is (a stage returning void, a sink with two parameters) is still reported.
 */
final class StepParser {

    private final Types types;
    private final TypeMirror object;
    private final TypeElement iterable;
    private final TypeElement iterator;
    private final TypeElement stream;
    private final TypeElement optional;
    private final TypeElement sender;

    StepParser(Elements elements, Types types) {
        this.types = types;
        this.object = elements.getTypeElement("java.lang.Object").asType();
        this.iterable = elements.getTypeElement("java.lang.Iterable");
        this.iterator = elements.getTypeElement("java.util.Iterator");
        this.stream = elements.getTypeElement("java.util.stream.Stream");
        this.optional = elements.getTypeElement("java.util.Optional");
        this.sender = elements.getTypeElement("pneumatic.channel.Sender");
    }

    Step parse(ExecutableElement method, Role role, AnnotationMirror annotation, Report report) {
        int workers = 1;
        AnnotationValue workersValue = null;
        int capacity = 0;
        AnnotationValue capacityValue = null;
        if (role != Role.SOURCE) {
            workers = Annotations.intValue(annotation, "workers");
            workersValue = Annotations.explicitValue(annotation, "workers");
            capacity = Annotations.intValue(annotation, "capacity");
            capacityValue = Annotations.explicitValue(annotation, "capacity");
        }
        Signature signature = new Signature(method, role, report);
        Element rawWhere = null;
        TypeMirror raw = rawIn(method.getReturnType());
        if (raw != null) {
            rawWhere = method;
        } else {
            for (VariableElement parameter : method.getParameters()) {
                if ((raw = rawIn(parameter.asType())) != null) {
                    rawWhere = parameter;
                    break;
                }
            }
        }
        if (!method.getTypeParameters().isEmpty()) {
            signature.fail(method, Messages.genericMethod(role.annotation(), signature.display()));
        } else if (raw != null) {
            signature.fail(rawWhere, Messages.rawType(role.annotation(), signature.display(), signature.type(raw),
                    typeParameters((TypeElement) types.asElement(raw))));
        } else if (role == Role.SOURCE) {
            source(signature);
        } else if (role == Role.STAGE) {
            stage(signature);
        } else {
            sink(signature);
        }
        return new Step(method, method.getSimpleName().toString(), role, signature.shape,
                signature.input, signature.output, annotation, workers, workersValue, capacity, capacityValue);
    }

    /** What one signature turned out to be; {@code shape} stays null after a failure. */
    private final class Signature {
        final ExecutableElement method;
        final Role role;
        final Report report;
        final List<VariableElement> parameters;
        final TypeMirror returned;
        final Display.Names names;

        /** The shape found, set once by {@link #accept}; null while unknown and after a failure. */
        Shape shape;

        /** The type of the first parameter of a stage or sink, the step's input; null for a source. */
        TypeMirror input;

        /** The type the step emits, set with {@link #shape}; null for a sink. */
        TypeMirror output;

        /** Whether an error was reported on this step; set by {@link #fail}, never cleared. */
        boolean failed;

        Signature(ExecutableElement method, Role role, Report report) {
            this.method = method;
            this.role = role;
            this.report = report;
            this.parameters = List.copyOf(method.getParameters());
            this.returned = method.getReturnType();
            this.names = Display.Names.of(List.of(returned), List.of(method));
        }

        /** The method as the messages about it show it. */
        String display() {
            return names.method(method);
        }

        /**
         * A type as the messages about this step show it: a type nested beside the interface as
         * its source writes it ({@code RawLists}, not {@code Outer.RawLists}), and classes of the
         * step's signature that would look alike qualified ({@link Display.Names}).
         */
        String type(TypeMirror type) {
            return names.type(type);
        }

        void fail(Element where, String message) {
            report.error(where, message);
            failed = true;
        }

        void accept(Shape shape, TypeMirror output) {
            if (!failed) {
                this.shape = shape;
                this.output = output;
            }
        }

        /** The element type of a Sender parameter, or null after reporting why it has none. */
        TypeMirror sent(VariableElement parameter) {
            TypeMirror argument = typeArgument(parameter, parameter.asType(), sender);
            if (argument == null || argument.getKind() != TypeKind.WILDCARD) {
                return argument;
            }
            TypeMirror lower = ((WildcardType) argument).getSuperBound();
            if (lower == null) {
                fail(parameter, Messages.senderCannotSend(role.annotation(), display(), type(parameter.asType())));
            }
            return lower;
        }

        /**
         * The readable element type of {@code type} as a {@code generic} (its supertype of that
         * erasure), or null after reporting a raw type. Wildcards are captured first, as javac
         * does for a call, so that {@code Src<?>} with {@code Src<T> extends Iterable<List<T>>}
         * has elements of {@code List<?>} rather than the {@code List<?>} of an uncaptured
         * substitution, which no code could send; the capture is then named by
         * {@link #upward}.
         */
        TypeMirror element(Element where, TypeMirror type, TypeElement generic) {
            TypeMirror element;
            try {
                TypeMirror captured = capture(type);
                TypeMirror argument = typeArgument(where, captured, generic);
                if (argument == null) {
                    return null;
                }
                element = capturedBy(capturesOf(type, captured)).upward(argument);
            } catch (UnsupportedOperationException noCapture) { // Eclipse's compiler: "NYI: TypesImpl.capture"
                element = elementWithoutCapture(where, type, generic);
                if (element == null) {
                    return null;
                }
            }
            TypeMirror raw = rawIn(element);
            if (raw != null) { // "class RawLists implements Iterable<List>": the return type itself is not raw
                fail(where, Messages.rawElement(role.annotation(), display(), type(type),
                        generic.getSimpleName().toString(), type(raw),
                        typeParameters((TypeElement) types.asElement(raw))));
                return null;
            }
            return element;
        }

        /**
         * The element type of a wildcard {@code type} where the compiler cannot capture (Eclipse's
         * compiler), worked out as capturing and projecting would: the generic's argument is read
         * off the declaration of the type's class ({@code Grid<T> extends Iterable<List<T>>}), a
         * type parameter given a type becomes that type, and one given a wildcard stands for its
         * capture, with the wildcard's bounds; so are the parameters of the classes it is a member
         * of ({@code Outer<String>.Rows<?>}). Should one of those parameters be left over all the
         * same, that is an error that says the compiler cannot work the elements out.
         */
        private TypeMirror elementWithoutCapture(Element where, TypeMirror type, TypeElement generic) {
            TypeMirror declared = types.asElement(type).asType();
            TypeMirror argument = typeArgument(where, declared, generic);
            if (argument == null) {
                return null;
            }
            // the parameters of the class and of the classes it is a member of, with their arguments
            List<TypeMirror> parameters = new ArrayList<>();
            List<TypeMirror> arguments = new ArrayList<>();
            for (TypeMirror w = type, d = declared;
                    w.getKind() == TypeKind.DECLARED && d.getKind() == TypeKind.DECLARED;
                    w = ((DeclaredType) w).getEnclosingType(), d = ((DeclaredType) d).getEnclosingType()) {
                List<? extends TypeMirror> given = ((DeclaredType) w).getTypeArguments();
                List<? extends TypeMirror> declaredHere = ((DeclaredType) d).getTypeArguments();
                if (given.size() != declaredHere.size()) {
                    break; // raw, and then reported as such
                }
                parameters.addAll(declaredHere);
                arguments.addAll(given);
            }
            Substitution substitution = new Substitution(parameters, arguments);
            TypeMirror element = substitution.projection().upward(substitution.apply(argument));
            if (substitution.isMentionedIn(element)) {
                fail(where, Messages.elementNeedsCapture(role.annotation(), display(), type(type),
                        generic.getSimpleName().toString()));
                return null;
            }
            return element;
        }

        private TypeMirror typeArgument(Element where, TypeMirror type, TypeElement generic) {
            DeclaredType view = supertype(type, generic);
            if (view == null || view.getTypeArguments().isEmpty()) {
                // a type that extends the raw generic, such as "class Lines implements Iterable"
                fail(where, Messages.rawType(role.annotation(), display(), generic.getSimpleName().toString(),
                        typeParameters(generic)));
                return null;
            }
            return view.getTypeArguments().get(0);
        }
    }

    private void source(Signature s) {
        if (s.parameters.isEmpty()) {
            TypeMirror returned = s.returned;
            if (isUndefined(returned)) {
                return; // perhaps an Iterable: the shape cannot be told
            }
            if (isA(returned, iterable)) {
                s.accept(Shape.ITERABLE, s.element(s.method, returned, iterable));
            } else if (isA(returned, iterator)) {
                s.accept(Shape.ITERATOR, s.element(s.method, returned, iterator));
            } else if (isA(returned, stream)) {
                s.accept(Shape.STREAM, s.element(s.method, returned, stream));
            } else {
                s.fail(s.method, Messages.sourceReturns(s.display(), s.type(returned)));
            }
        } else if (s.parameters.size() == 1 && isUndefined(s.parameters.get(0).asType())) {
            return; // perhaps a Sender: the shape cannot be told
        } else if (s.parameters.size() == 1 && isA(s.parameters.get(0).asType(), sender)) {
            if (s.returned.getKind() != TypeKind.VOID) {
                s.fail(s.method, Messages.senderSourceReturns(s.display(), s.type(s.returned)));
            }
            s.accept(Shape.SENDER, s.sent(s.parameters.get(0)));
        } else {
            VariableElement offending = s.parameters.get(s.parameters.size() > 1 ? 1 : 0);
            for (VariableElement parameter : s.parameters) {
                if (!isA(parameter.asType(), sender)) {
                    offending = parameter;
                    break;
                }
            }
            s.fail(offending, Messages.sourceTakesParameters(s.display()));
        }
    }

    private void stage(Signature s) {
        if (s.parameters.isEmpty()) {
            s.fail(s.method, Messages.stageTakesNothing(s.display()));
            return;
        }
        s.input = s.parameters.get(0).asType();
        if (s.parameters.size() == 1) {
            TypeMirror returned = s.returned;
            VariableElement only = s.parameters.get(0);
            if (returned.getKind() == TypeKind.VOID && isA(only.asType(), sender)) {
                s.fail(only, Messages.stageTakesOnlySender(s.display(), s.type(only.asType()),
                        only.getSimpleName().toString()));
            } else if (returned.getKind() == TypeKind.VOID) {
                s.fail(s.method, Messages.stageReturnsVoid(s.display()));
            } else if (isUndefined(returned)) {
                return; // perhaps an Optional or a Stream: the shape cannot be told
            } else if (isExactly(returned, optional)) {
                s.accept(Shape.OPTIONAL, s.element(s.method, returned, optional));
            } else if (isExactly(returned, stream)) {
                s.accept(Shape.STREAM, s.element(s.method, returned, stream));
            } else {
                s.accept(Shape.VALUE, returned);
            }
        } else if (s.parameters.size() == 2) {
            VariableElement first = s.parameters.get(0);
            VariableElement second = s.parameters.get(1);
            if (isUndefined(second.asType())) {
                return; // perhaps a Sender: the shape cannot be told
            } else if (!isA(second.asType(), sender) && isA(first.asType(), sender)) {
                s.fail(first, Messages.stageSenderFirst(s.display(), s.type(second.asType()),
                        second.getSimpleName().toString(), s.type(first.asType()),
                        first.getSimpleName().toString()));
            } else if (!isA(second.asType(), sender)) {
                s.fail(second, Messages.stageSecondParameter(s.display(), s.type(second.asType())));
            } else if (s.returned.getKind() != TypeKind.VOID) {
                s.fail(s.method, Messages.senderStageReturns(s.display(), s.type(s.returned)));
            } else {
                s.accept(Shape.SENDER, s.sent(second));
            }
        } else {
            s.fail(s.parameters.get(2), Messages.stageTooManyParameters(s.display()));
        }
    }

    private void sink(Signature s) {
        if (s.parameters.size() != 1) {
            Element where = s.parameters.size() > 1 ? s.parameters.get(1) : s.method;
            s.fail(where, Messages.sinkParameters(s.display()));
            return;
        }
        s.input = s.parameters.get(0).asType();
        if (s.returned.getKind() != TypeKind.VOID) {
            s.fail(s.method, Messages.sinkReturns(s.display(), s.type(s.returned)));
        }
        s.accept(Shape.NONE, null);
    }

    private static String typeParameters(TypeElement generic) {
        return generic.getTypeParameters().stream()
                .map(p -> p.getSimpleName().toString()).collect(Collectors.joining(", "));
    }

    /**
     * The capture conversion of {@code type} (JLS 5.1.10), which changes only a type with a
     * wildcard among its type arguments or those of the type it is a member of
     * ({@code Outer<?>.Inner}): any other is returned as it is, without asking the compiler.
     * Eclipse's compiler does not implement {@code Types.capture} (it throws
     * UnsupportedOperationException), so only a wildcard type ever needs it.
     */
    private TypeMirror capture(TypeMirror type) {
        boolean wildcard = false;
        for (DeclaredType part : parts(type)) {
            wildcard |= part.getTypeArguments().stream().anyMatch(argument -> argument.getKind() == TypeKind.WILDCARD);
        }
        return wildcard ? types.capture(type) : type;
    }

    /**
     * The type variables that capturing gave {@code captured} for the wildcards of {@code type},
     * its own and those of the types it is a member of.
     */
    private static List<TypeMirror> capturesOf(TypeMirror type, TypeMirror captured) {
        List<DeclaredType> written = parts(type);
        List<DeclaredType> capturedParts = parts(captured);
        List<TypeMirror> captures = new ArrayList<>();
        for (int part = 0; part < Math.min(written.size(), capturedParts.size()); part++) {
            List<? extends TypeMirror> given = written.get(part).getTypeArguments();
            List<? extends TypeMirror> arguments = capturedParts.get(part).getTypeArguments();
            for (int i = 0; i < Math.min(given.size(), arguments.size()); i++) {
                if (given.get(i).getKind() == TypeKind.WILDCARD) {
                    captures.add(arguments.get(i));
                }
            }
        }
        return captures;
    }

    /**
     * {@code type} and, if it is of an inner class, the types it is a member of, innermost first:
     * {@code Outer<?>.Inner} is {@code Inner} then {@code Outer<?>}. Empty for a type that is not declared.
     */
    private static List<DeclaredType> parts(TypeMirror type) {
        List<DeclaredType> parts = new ArrayList<>();
        if (type.getKind() != TypeKind.DECLARED) {
            return parts;
        }
        DeclaredType part = (DeclaredType) type;
        parts.add(part);
        while (isInner(part) && part.getEnclosingType().getKind() == TypeKind.DECLARED) {
            part = (DeclaredType) part.getEnclosingType();
            parts.add(part);
        }
        return parts;
    }

    /**
     * {@code declared} with each type argument mapped, and the type it is a member of mapped too
     * if it is an inner class's ({@code Box<T>.Item}); a static member's is left out, which
     * Eclipse's compiler gives as the generic type around it.
     */
    private DeclaredType rebuilt(DeclaredType declared, UnaryOperator<TypeMirror> argument,
            UnaryOperator<TypeMirror> enclosing) {
        TypeMirror[] arguments = declared.getTypeArguments().stream().map(argument).toArray(TypeMirror[]::new);
        TypeElement element = (TypeElement) declared.asElement();
        return isInner(declared)
                ? types.getDeclaredType((DeclaredType) enclosing.apply(declared.getEnclosingType()), element, arguments)
                : types.getDeclaredType(element, arguments);
    }

    /**
     * Whether {@code declared} is of an inner class, whose type includes the type it is a member
     * of ({@code Box<T>.Item}). A static member (a static class, an interface, an enum, a record)
     * has none, though Eclipse's compiler gives it the generic type around it as its enclosing type.
     */
    private static boolean isInner(DeclaredType declared) {
        Element element = declared.asElement();
        return declared.getEnclosingType().getKind() == TypeKind.DECLARED && element.getKind() == ElementKind.CLASS
                && !element.getModifiers().contains(Modifier.STATIC);
    }

    /** The projection of javac's captures, whose bounds are their own. */
    private Projection capturedBy(List<TypeMirror> captures) {
        return new Projection(captures, TypeVariable::getUpperBound, TypeVariable::getLowerBound);
    }

    /**
     * A generic class's type parameters given the arguments of one of its types: a parameter
     * given a type is replaced by it, and one given a wildcard is left in place, to stand for
     * the capture of that wildcard (what javac's capture conversion would make of it).
     */
    private final class Substitution {
        private final List<? extends TypeMirror> parameters;
        private final List<? extends TypeMirror> arguments;

        Substitution(List<? extends TypeMirror> parameters, List<? extends TypeMirror> arguments) {
            this.parameters = parameters;
            this.arguments = arguments;
        }

        /** The parameters given a wildcard, as captures bounded by it. */
        Projection projection() {
            List<TypeMirror> captures = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                if (arguments.get(i).getKind() == TypeKind.WILDCARD) {
                    captures.add(parameters.get(i));
                }
            }
            return new Projection(captures, this::upperBound, this::lowerBound);
        }

        /**
         * The parameter's own bound, and for a {@code ? extends} wildcard the first bound of
         * the two together, as javac bounds the capture by both (JLS 5.1.10):
         * {@code ChoreLists<? extends Runnable>} with {@code T extends Number & Runnable} has
         * lists of {@code ? extends Number}.
         */
        private TypeMirror upperBound(TypeVariable parameter) {
            TypeMirror declared = apply(parameter.getUpperBound());
            TypeMirror bound = wildcardOf(parameter).getExtendsBound();
            return bound == null ? declared : firstOfLowerBound(List.of(bound, declared));
        }

        /** The wildcard's {@code ? super} bound, else the null type, as for a capture. */
        private TypeMirror lowerBound(TypeVariable parameter) {
            TypeMirror bound = wildcardOf(parameter).getSuperBound();
            return bound != null ? bound : types.getNullType();
        }

        private WildcardType wildcardOf(TypeVariable parameter) {
            return (WildcardType) arguments.get(indexOf(parameter));
        }

        private int indexOf(TypeMirror variable) {
            Element element = types.asElement(variable);
            for (int i = 0; i < parameters.size(); i++) {
                if (types.asElement(parameters.get(i)).equals(element)) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether one of the parameters is among what {@code type} mentions. */
        boolean isMentionedIn(TypeMirror type) {
            return TypeMentions.anyMatch(type,
                    mention -> mention.getKind() == TypeKind.TYPEVAR && indexOf(mention) >= 0);
        }

        /** {@code type} with each parameter given a type replaced by that type. */
        TypeMirror apply(TypeMirror type) {
            if (!isMentionedIn(type)) {
                return type;
            }
            switch (type.getKind()) {
                case TYPEVAR:
                    int index = indexOf(type);
                    return index >= 0 && arguments.get(index).getKind() != TypeKind.WILDCARD
                            ? arguments.get(index) : type;
                case ARRAY:
                    return types.getArrayType(apply(((ArrayType) type).getComponentType()));
                case WILDCARD:
                    WildcardType wildcard = (WildcardType) type;
                    return types.getWildcardType(
                            wildcard.getExtendsBound() == null ? null : apply(wildcard.getExtendsBound()),
                            wildcard.getSuperBound() == null ? null : apply(wildcard.getSuperBound()));
                case DECLARED:
                    return rebuilt((DeclaredType) type, this::apply, this::apply);
                default:
                    return type;
            }
        }
    }

    /**
     * The first bound of the greatest lower bound of {@code bounds} (their intersection), in
     * the order javac gives its bounds, so that both compilers name a capture's elements alike:
     * of the bounds no other is a subtype of, a type variable first, then a class, then the
     * interface furthest from Object, then the first by qualified name.
     */
    private TypeMirror firstOfLowerBound(List<TypeMirror> bounds) {
        List<TypeMirror> flat = new ArrayList<>();
        for (TypeMirror bound : bounds) {
            if (bound.getKind() == TypeKind.INTERSECTION) {
                flat.addAll(((IntersectionType) bound).getBounds());
            } else {
                flat.add(bound);
            }
        }
        TypeMirror first = null;
        for (TypeMirror candidate : flat) {
            boolean narrowest = flat.stream().noneMatch(other -> !types.isSameType(other, candidate)
                    && types.isSubtype(other, candidate));
            if (narrowest && (first == null || precedes(candidate, first))) {
                first = candidate;
            }
        }
        return first;
    }

    /** Whether javac orders bound {@code a} before {@code b} in an intersection (see {@link #firstOfLowerBound}). */
    private boolean precedes(TypeMirror a, TypeMirror b) {
        if ((a.getKind() == TypeKind.TYPEVAR) != (b.getKind() == TypeKind.TYPEVAR)) {
            return a.getKind() == TypeKind.TYPEVAR;
        }
        if (a.getKind() != TypeKind.DECLARED || b.getKind() != TypeKind.DECLARED) {
            return false;
        }
        boolean aIsClass = !types.asElement(a).getKind().isInterface();
        boolean bIsClass = !types.asElement(b).getKind().isInterface();
        if (aIsClass != bIsClass) {
            return aIsClass;
        }
        int rankA = rank(types.erasure(a));
        int rankB = rank(types.erasure(b));
        if (rankA != rankB) {
            return rankA > rankB;
        }
        return qualifiedName(a).compareTo(qualifiedName(b)) < 0;
    }

    /** The length of the longest chain of supertypes from {@code type} up to Object. */
    private int rank(TypeMirror type) {
        int rank = 0;
        for (TypeMirror supertype : types.directSupertypes(type)) {
            rank = Math.max(rank, rank(supertype) + 1);
        }
        return rank;
    }

    private String qualifiedName(TypeMirror declared) {
        return ((TypeElement) types.asElement(declared)).getQualifiedName().toString();
    }

    /**
     * Types without the given captured wildcards, which no code can name (JLS 4.10.5's upward
     * projection, for what a step's signature can hold): a capture becomes its upper bound, and
     * a type argument that holds one becomes a wildcard, so {@code List<capture of ? extends
     * Number>} is {@code List<? extends Number>}.
     */
    private final class Projection {
        private final List<TypeMirror> captures;
        private final Function<TypeVariable, TypeMirror> upperBound;
        private final Function<TypeVariable, TypeMirror> lowerBound;

        Projection(List<TypeMirror> captures, Function<TypeVariable, TypeMirror> upperBound,
                Function<TypeVariable, TypeMirror> lowerBound) {
            this.captures = captures;
            this.upperBound = upperBound;
            this.lowerBound = lowerBound;
        }

        TypeMirror upward(TypeMirror type) {
            if (!mentionsCapture(type)) {
                return type;
            }
            switch (type.getKind()) {
                case TYPEVAR: // a capture bounded twice (Bag<T extends Number & Runnable>) is named by its first bound
                    return upward(firstBound(upperBound.apply((TypeVariable) type)));
                case ARRAY:
                    return types.getArrayType(upward(((ArrayType) type).getComponentType()));
                case DECLARED:
                    return rebuilt((DeclaredType) type, this::upwardArgument, this::upward);
                default:
                    return type;
            }
        }

        /**
         * A type argument without captures: itself, or the wildcard that stands for all it could
         * be. A capture gives {@code ? extends} its upper bound, else {@code ? super} its lower
         * bound, else {@code ?}; a bound that holds a capture itself (an F-bound) is not followed,
         * so this always ends. A type that holds a capture gives {@code ? extends} its projection.
         */
        private TypeMirror upwardArgument(TypeMirror argument) {
            if (!mentionsCapture(argument)) {
                return argument;
            }
            switch (argument.getKind()) {
                case TYPEVAR:
                    TypeVariable capture = (TypeVariable) argument;
                    TypeMirror upper = firstBound(upperBound.apply(capture));
                    if (!mentionsCapture(upper) && !types.isSameType(upper, object)) {
                        return types.getWildcardType(upper, null);
                    }
                    TypeMirror lower = lowerBound.apply(capture);
                    return lower.getKind() != TypeKind.NULL && !mentionsCapture(lower)
                            ? types.getWildcardType(null, lower)
                            : types.getWildcardType(null, null);
                case WILDCARD:
                    TypeMirror bound = ((WildcardType) argument).getExtendsBound(); // none: a ? super, given as ?
                    return bound == null ? types.getWildcardType(null, null) : extending(upward(bound));
                default:
                    return extending(upward(argument));
            }
        }

        /**
         * The first of the bounds of an intersection ({@code Number & Runnable} is {@code Number}),
         * which no declaration can write; any other type is itself.
         */
        private TypeMirror firstBound(TypeMirror bound) {
            return bound.getKind() == TypeKind.INTERSECTION ? ((IntersectionType) bound).getBounds().get(0) : bound;
        }

        /** {@code ? extends bound}, or {@code ?} for Object. */
        private WildcardType extending(TypeMirror bound) {
            return types.isSameType(bound, object)
                    ? types.getWildcardType(null, null)
                    : types.getWildcardType(bound, null);
        }

        private boolean mentionsCapture(TypeMirror type) {
            return TypeMentions.anyMatch(type, mention -> mention.getKind() == TypeKind.TYPEVAR
                    && captures.stream().anyMatch(capture -> types.isSameType(capture, mention)));
        }
    }

    /**
     * The first raw type in {@code type} (itself, a type argument, the type it is a member of,
     * an array's component, a wildcard's bound), or null. Raw types would make the generated code unchecked.
     */
    private TypeMirror rawIn(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED:
                DeclaredType declared = (DeclaredType) type;
                if (declared.getTypeArguments().isEmpty()
                        && !((TypeElement) declared.asElement()).getTypeParameters().isEmpty()) {
                    return types.erasure(type);
                }
                for (TypeMirror argument : declared.getTypeArguments()) {
                    TypeMirror raw = rawIn(argument);
                    if (raw != null) {
                        return raw;
                    }
                }
                // the raw Outer of Outer.Inner; a static member's has no part in its type
                return isInner(declared) ? rawIn(declared.getEnclosingType()) : null;
            case ARRAY:
                return rawIn(((ArrayType) type).getComponentType());
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
                return bound == null ? null : rawIn(bound);
            default:
                return null;
        }
    }

    /**
     * Whether the compiler could not find the type's class, so that whether it is an Iterable or
     * a Sender is unknown. A type undefined only through its arguments (Eclipse's compiler's
     * {@code Optional<Word>}) has a class, which tells the shape as it does on javac.
     */
    private static boolean isUndefined(TypeMirror type) {
        return UndefinedTypes.isClassUndefined(type);
    }

    /**
     * Whether {@code type} is {@code generic} or a subtype of it, whatever the type arguments,
     * including a type that is undefined only through its arguments (see {@link #isUndefined}).
     */
    private boolean isA(TypeMirror type, TypeElement generic) {
        TypeMirror declared = type.getKind() == TypeKind.ERROR ? ((DeclaredType) type).asElement().asType() : type;
        return declared.getKind() == TypeKind.DECLARED
                && types.isSubtype(types.erasure(declared), types.erasure(generic.asType()));
    }

    private boolean isExactly(TypeMirror type, TypeElement generic) {
        return type.getKind() == TypeKind.DECLARED
                && types.isSameType(types.erasure(type), types.erasure(generic.asType()));
    }

    /** The supertype of {@code type} (or itself) that is a parameterization of {@code generic}. */
    private DeclaredType supertype(TypeMirror type, TypeElement generic) {
        TypeMirror target = types.erasure(generic.asType());
        Queue<TypeMirror> queue = new ArrayDeque<>(List.of(type));
        while (!queue.isEmpty()) {
            TypeMirror candidate = queue.remove();
            boolean ofAClass = candidate.getKind() == TypeKind.DECLARED
                    || candidate.getKind() == TypeKind.ERROR && !isUndefined(candidate);
            if (ofAClass && types.isSameType(types.erasure(((DeclaredType) candidate).asElement().asType()), target)) {
                return (DeclaredType) candidate;
            }
            queue.addAll(types.directSupertypes(candidate));
        }
        return null;
    }
}
