package pneumatic.processor.validate;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import pneumatic.processor.diag.Display;
import pneumatic.processor.diag.Messages;
import pneumatic.processor.diag.Report;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Role;
import pneumatic.processor.model.Shape;
import pneumatic.processor.model.Step;
import pneumatic.processor.parse.UndefinedTypes;

/**
 * {@code [Pipeline/TypeMismatch]}: what each step emits must be assignable to the parameter of the
 * next one, in the sense of Java assignment: generics included, primitives boxed and unboxed,
 * primitives widened. The error goes on the parameter that cannot take the value; a parameter that
 * is a Sender, where the step before emits no Senders, is told to take the values; a stage that
 * returns a List (or an array) of what the next step takes is told to return a Stream. Two steps
 * between which a type is undefined are left alone: that type could be anything.
 */
final class TypeFlowRule implements ChainRule {

    private final Types types;
    private final TypeMirror sender;
    private final TypeElement senderType;
    private final TypeElement iterable;
    private final TypeElement iterator;
    private final TypeElement optional;
    private final TypeElement stream;

    TypeFlowRule(Elements elements, Types types) {
        this.types = types;
        this.senderType = elements.getTypeElement("pneumatic.channel.Sender");
        this.sender = types.erasure(senderType.asType());
        this.iterable = elements.getTypeElement("java.lang.Iterable");
        this.iterator = elements.getTypeElement("java.util.Iterator");
        this.optional = elements.getTypeElement("java.util.Optional");
        this.stream = elements.getTypeElement("java.util.stream.Stream");
    }

    @Override
    public void check(Pipeline pipeline, Report report) {
        List<Step> steps = pipeline.steps();
        for (int i = 1; i < steps.size(); i++) {
            Step producer = steps.get(i - 1);
            Step consumer = steps.get(i);
            if (!producer.isWellFormed() || !consumer.isWellFormed()
                    || producer.role() == Role.SINK || consumer.role() == Role.SOURCE) {
                continue; // already reported: a bad shape, or a step out of order
            }
            if (UndefinedTypes.mentions(producer.output()) || UndefinedTypes.mentions(consumer.input())) {
                continue; // whether they fit depends on what the undefined type turns out to be
            }
            if (types.isAssignable(producer.output(), consumer.input())) {
                continue;
            }
            List<ExecutableElement> methods = List.of(consumer.method(), producer.method());
            if (isSender(consumer.input()) && !isSender(producer.output())) {
                Display.Names names = Display.Names.of(List.of(producer.output()), methods);
                report.error(consumer.method().getParameters().get(0), Messages.senderForValues(
                        names.method(consumer.method()),
                        names.type(producer.output()),
                        names.method(producer.method())));
            } else {
                Fix fix = fix(producer, consumer.input());
                Display.Names names = Display.Names.of(List.of(producer.output(), fix.type()), methods);
                String produced = names.type(producer.output());
                report.error(consumer.method().getParameters().get(0), Messages.typeMismatch(
                        names.method(consumer.method()),
                        produced,
                        names.method(producer.method()),
                        producer.name(),
                        fix.sends() ? Messages.sendOn(names.type(fix.type()))
                                : fix.perElement() ? Messages.returnEachElement(names.type(fix.type()), produced)
                                : Messages.returnInstead(names.type(fix.type()))));
            }
        }
    }

    /**
     * How a producer would have to change to emit what the next step takes.
     *
     * @param type what it would return or send on instead
     * @param sends whether it sends on {@code type} rather than returns it
     * @param perElement whether it would hand on each element of what it returns now
     */
    private record Fix(TypeMirror type, boolean sends, boolean perElement) {}

    /** Whether a value is an array or an Iterable of what {@code wanted} takes. */
    private boolean holds(TypeMirror value, TypeMirror wanted) {
        if (value.getKind() == TypeKind.ARRAY) {
            return types.isAssignable(((ArrayType) value).getComponentType(), wanted);
        }
        return value.getKind() == TypeKind.DECLARED && types.isAssignable(
                value, types.getDeclaredType(iterable, types.getWildcardType(boxed(wanted), null)));
    }

    /** The type itself, or for a primitive its box: what a type argument can be. */
    private TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
    }

    private boolean isSender(TypeMirror type) {
        return !type.getKind().isPrimitive() && types.isSubtype(types.erasure(type), sender);
    }

    /**
     * The Iterable a source would return to emit {@code element}s: the type it returns now with
     * {@code element} as its type argument ({@code List<String>} becomes {@code List<Integer>}) where
     * that type has one type parameter, whose bounds take {@code element}, and would then hold such
     * elements; otherwise {@code Iterable<element>}.
     */
    private TypeMirror iterableOf(Step source, TypeMirror element) {
        TypeMirror returned = source.method().getReturnType();
        if (returned.getKind() == TypeKind.DECLARED) {
            DeclaredType declared = (DeclaredType) returned;
            TypeElement type = (TypeElement) declared.asElement();
            if (type.getTypeParameters().size() == 1 && withinBounds(element, type.getTypeParameters().get(0))) {
                TypeMirror enclosing = declared.getEnclosingType();
                DeclaredType candidate = enclosing.getKind() == TypeKind.DECLARED
                        ? types.getDeclaredType((DeclaredType) enclosing, type, element)
                        : types.getDeclaredType(type, element);
                if (holds(candidate, element)) {
                    return candidate;
                }
            }
        }
        return types.getDeclaredType(iterable, element);
    }

    /** Whether {@code argument} fits the bounds of {@code parameter}, compared by their erasure. */
    private boolean withinBounds(TypeMirror argument, TypeParameterElement parameter) {
        return parameter.getBounds().stream().allMatch(bound -> types.isSubtype(argument, types.erasure(bound)));
    }

    /** How the producer would have to change to emit what the consumer takes. */
    private Fix fix(Step producer, TypeMirror wanted) {
        TypeMirror boxed = boxed(wanted);
        if (producer.shape() == Shape.VALUE && holds(producer.output(), wanted)) {
            // a List<String> into a String: the user meant to hand on each element
            return new Fix(types.getDeclaredType(stream, boxed), false, true);
        }
        switch (producer.shape()) {
            case OPTIONAL:
                return new Fix(types.getDeclaredType(optional, boxed), false, false);
            case STREAM:
                return new Fix(types.getDeclaredType(stream, boxed), false, false);
            case ITERABLE:
                return new Fix(iterableOf(producer, boxed), false, false);
            case ITERATOR:
                return new Fix(types.getDeclaredType(iterator, boxed), false, false);
            case SENDER:
                return new Fix(types.getDeclaredType(senderType, boxed), true, false);
            default:
                return new Fix(wanted, false, false);
        }
    }
}
