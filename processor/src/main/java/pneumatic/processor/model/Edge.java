package pneumatic.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One channel of a pipeline: an edge of its graph.
 *
 * @param variable the name of the channel in generated code
 * @param type what the channel carries: the producing step's output type, boxed
 * @param capacity the consuming step's capacity ({@code -1} unbounded, {@code 0} rendezvous),
 *     or the default capacity for the output of a pipeline without a sink
 * @param from the step that sends into it, or {@code null} for a pipeline's input
 * @param to the step that receives from it, or {@code null} for a pipeline's output
 */
public record Edge(String variable, TypeName type, int capacity, Step from, Step to) {}
