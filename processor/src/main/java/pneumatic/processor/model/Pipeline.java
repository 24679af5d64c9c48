package pneumatic.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A parsed {@code @Pipeline} interface: a chain of steps joined by channels.
 *
 * <h2>Nodes</h2>
 * The {@linkplain #steps() steps}, in declaration order: at most one source (first), any number
 * of stages, at most one sink (last), once it has been validated.
 *
 * <h2>Edges</h2>
 * One channel between each two consecutive steps, plus one before the first step when there is
 * no source (the caller's input) and one after the last step when there is no sink (the
 * caller's output). Edges exist only for a valid pipeline; the writer builds them
 * ({@code codegen.Graph}).
 *
 * @param element the interface
 * @param interfaceName its name, for generated code
 * @param wiringName the name of the class to generate
 * @param steps the steps in declaration order, including those whose shape is unknown
 */
public record Pipeline(TypeElement element, ClassName interfaceName, ClassName wiringName, List<Step> steps) {

    public Pipeline {
        steps = List.copyOf(steps);
    }

    /** The name used in thread names and failures: the interface's simple name. */
    public String displayName() {
        return interfaceName.simpleName();
    }

    public boolean hasSource() {
        return !steps.isEmpty() && steps.get(0).role() == Role.SOURCE;
    }

    public boolean hasSink() {
        return !steps.isEmpty() && steps.get(steps.size() - 1).role() == Role.SINK;
    }
}
