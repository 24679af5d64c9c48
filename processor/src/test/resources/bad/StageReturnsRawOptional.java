package fixtures;

import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** A stage returning a raw Optional: what it emits is unknown. */
@Pipeline
public interface StageReturnsRawOptional {
    @Source Stream<String> lines();

    @SuppressWarnings("rawtypes")
    @Stage Optional nonBlank(String line);

    @Sink void print(String line);
}
