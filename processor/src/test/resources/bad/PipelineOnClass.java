package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;

/** A pipeline declared as a class. */
@Pipeline
public abstract class PipelineOnClass {
    public abstract Stream<String> lines();
}
