package pneumatic.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One step of a pipeline: a node of its graph.
 *
 * @param method the interface method
 * @param name the method's name, which names the step's threads
 * @param role source, stage or sink; {@code null} when the method's annotation is one javac
 *     could not resolve (perhaps a step annotation whose import is missing) or when it has two
 *     step annotations, see {@link #unknown}
 * @param shape how it hands on results, or {@code null} if its signature fits no shape of its
 *     role (already reported) or its shape depends on a type that is undefined
 * @param input the type it takes, as declared (possibly primitive); {@code null} for a source
 * @param output the type of each value it hands on (the element type of a {@code Stream},
 *     {@code Optional}, {@code Iterable}, {@code Iterator} or {@code Sender}, possibly primitive
 *     for {@link Shape#VALUE}); {@code null} for a sink or an unknown shape
 * @param annotation the step annotation
 * @param workers the number of threads; 1 for a source
 * @param workersValue the explicit {@code workers} value, or {@code null} for the default
 * @param capacity the capacity of the channel feeding the step; unused for a source
 * @param capacityValue the explicit {@code capacity} value, or {@code null} for the default
 */
public record Step(
        ExecutableElement method,
        String name,
        Role role,
        Shape shape,
        TypeMirror input,
        TypeMirror output,
        AnnotationMirror annotation,
        int workers,
        AnnotationValue workersValue,
        int capacity,
        AnnotationValue capacityValue) {

    /**
     * A method whose role cannot be told: it stands in the chain, never well-formed, so that no
     * rule compares its neighbours with each other. Only in a pipeline that is never written.
     */
    public static Step unknown(ExecutableElement method) {
        return new Step(method, method.getSimpleName().toString(), null, null, null, null, null, 1, null, 0, null);
    }

    /** Whether the signature fit a shape, so that its types can be checked. */
    public boolean isWellFormed() {
        return shape != null;
    }
}
