package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A source that returns one value instead of many. */
@Pipeline
public interface SourceReturnsString {
    @Source String line();

    @Sink void print(String line);
}
