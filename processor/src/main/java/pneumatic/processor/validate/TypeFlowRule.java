package pneumatic.processor.validate;

import java.util.List;
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
    private final TypeElement iterable;

    TypeFlowRule(Elements elements, Types types) {
        this.types = types;
        this.sender = types.erasure(elements.getTypeElement("pneumatic.channel.Sender").asType());
        this.iterable = elements.getTypeElement("java.lang.Iterable");
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
            if (!types.isAssignable(producer.output(), consumer.input())
                    && isSender(consumer.input()) && !isSender(producer.output())) {
                report.error(consumer.method().getParameters().get(0), Messages.senderForValues(
                        Display.method(consumer.method()),
                        Display.type(producer.output()),
                        Display.method(producer.method())));
            } else if (!types.isAssignable(producer.output(), consumer.input())) {
                report.error(consumer.method().getParameters().get(0), Messages.typeMismatch(
                        Display.method(consumer.method()),
                        Display.type(producer.output()),
                        Display.method(producer.method()),
                        producer.name(),
                        fix(producer, consumer.input())));
            }
        }
    }

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
    private String iterableOf(Step source, TypeMirror element) {
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
                    return Display.type(candidate);
                }
            }
        }
        return "Iterable<" + Display.type(element) + ">";
    }

    /** Whether {@code argument} fits the bounds of {@code parameter}, compared by their erasure. */
    private boolean withinBounds(TypeMirror argument, TypeParameterElement parameter) {
        return parameter.getBounds().stream().allMatch(bound -> types.isSubtype(argument, types.erasure(bound)));
    }

    /** How the producer would have to change to emit what the consumer takes. */
    private String fix(Step producer, TypeMirror wanted) {
        String value = Display.type(wanted);
        String boxed = Display.type(boxed(wanted));
        if (producer.shape() == Shape.VALUE && holds(producer.output(), wanted)) {
            // a List<String> into a String: the user meant to hand on each element
            return "return Stream<" + boxed + ">, which hands on each element instead of the whole "
                    + Display.type(producer.output());
        }
        switch (producer.shape()) {
            case OPTIONAL:
                return "return Optional<" + boxed + ">";
            case STREAM:
                return "return Stream<" + boxed + ">";
            case ITERABLE:
                return "return " + iterableOf(producer, boxed(wanted));
            case ITERATOR:
                return "return Iterator<" + boxed + ">";
            case SENDER:
                return "send on a Sender<" + boxed + ">";
            default:
                return "return " + value;
        }
    }
}
