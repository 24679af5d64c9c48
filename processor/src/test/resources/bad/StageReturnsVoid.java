package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A stage that takes one value and returns void: it hands nothing on. */
@Pipeline
public interface StageReturnsVoid {
    @Source Stream<String> lines();

    @Stage void log(String line);

    @Sink void print(String line);
}
