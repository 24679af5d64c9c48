package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** Two steps with the same method name: an overload. */
@Pipeline
public interface OverloadedStep {
    @Source Stream<String> lines();

    @Stage String clean(String line);

    @Stage String clean(CharSequence line);

    @Sink void print(String line);
}
