package fixtures;

import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** Five independent mistakes in one interface, all reported by one compile. */
@Pipeline
public interface ManyMistakes {
    @Source Stream<String> lines();

    @Stage(
            workers = 0)
    String trim(String line);

    String describe(String line);

    @Stage Optional<String> nonBlank(String line);

    @Stage int length(
            Integer line);

    @Sink(
            capacity = -2)
    void print(Integer length);

    @Stage String label(Integer length);
}
