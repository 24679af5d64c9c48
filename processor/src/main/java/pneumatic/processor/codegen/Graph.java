package pneumatic.processor.codegen;

import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import pneumatic.processor.model.Edge;
import pneumatic.processor.model.Pipeline;
import pneumatic.processor.model.Step;

/**
 * The channels of a valid pipeline, in order: one before the first step if the caller feeds it,
 * one between each two steps, one after the last step if the caller drains it.
 *
 * @param pipeline the pipeline
 * @param edges its channels, first to last
 */
record Graph(Pipeline pipeline, List<Edge> edges) {

    static Graph of(Pipeline pipeline, NameAllocator names) {
        List<Step> steps = pipeline.steps();
        List<Edge> edges = new ArrayList<>();
        Step first = steps.get(0);
        if (!pipeline.hasSource()) {
            edges.add(new Edge(names.newName("to" + capitalized(first.name())),
                    TypeName.get(first.input()).box(), first.capacity(), null, first));
        }
        for (int i = 1; i < steps.size(); i++) {
            Step from = steps.get(i - 1);
            Step to = steps.get(i);
            edges.add(new Edge(names.newName("to" + capitalized(to.name())),
                    TypeName.get(from.output()).box(), to.capacity(), from, to));
        }
        if (!pipeline.hasSink()) {
            Step last = steps.get(steps.size() - 1);
            edges.add(new Edge(names.newName("output"),
                    TypeName.get(last.output()).box(), TypeNames.DEFAULT_CAPACITY, last, null));
        }
        return new Graph(pipeline, List.copyOf(edges));
    }

    /** The channel a step receives from; absent for a source. */
    Edge into(Step step) {
        return edges.stream().filter(e -> e.to() == step).findFirst().orElseThrow();
    }

    /** The channel a step sends into; absent for a sink. */
    Edge outOf(Step step) {
        return edges.stream().filter(e -> e.from() == step).findFirst().orElseThrow();
    }

    /** The type of the caller's input, or {@code Void} when the pipeline has a source. */
    TypeName inputType() {
        return pipeline.hasSource() ? TypeNames.VOID : edges.get(0).type();
    }

    /** The type of the caller's output, or {@code Void} when the pipeline has a sink. */
    TypeName outputType() {
        return pipeline.hasSink() ? TypeNames.VOID : edges.get(edges.size() - 1).type();
    }

    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
