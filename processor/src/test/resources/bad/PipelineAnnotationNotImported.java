package fixtures;

import java.util.stream.Stream;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * A Pipeline annotation whose import is missing: javac's "cannot find symbol" is the one
 * error, not one [Pipeline/Orphan] per step saying that the interface is not annotated with it.
 */
@Pipeline
public interface PipelineAnnotationNotImported {
    @Source Stream<String> lines();

    @Stage String trim(String line);

    @Sink void print(String line);
}
