package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A source declared after a stage. */
@Pipeline
public interface SourceNotFirst {
    @Stage String trim(String line);

    @Source Stream<String> lines();

    @Sink void print(String line);
}
