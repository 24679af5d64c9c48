package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A stage that would run on no thread at all. */
@Pipeline
public interface ZeroWorkers {
    @Source Stream<String> lines();

    @Stage(
            workers = 0)
    String trim(String line);

    @Sink void print(String line);
}
