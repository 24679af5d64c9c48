package fixtures;

import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** An Optional<String> producer followed by a step that takes an int. */
@Pipeline
public interface OptionalTypeMismatch {
    @Source Stream<String> lines();

    @Stage Optional<String> nonBlank(String line);

    @Sink void count(
            int length);
}
