package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A source returning a raw List: what it yields is unknown. */
@Pipeline
public interface SourceReturnsRawList {
    @SuppressWarnings("rawtypes")
    @Source List lines();

    @Sink void print(String line);
}
