package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Source;
import pneumatic.Stage;

/** Two mistakes in one step, found by different rules: reported in the order of the source. */
@Pipeline
public interface MistakesInOneStep {
    @Source Stream<String> lines();

    @Stage(
            workers = 0)
    int length(
            Integer line);
}
