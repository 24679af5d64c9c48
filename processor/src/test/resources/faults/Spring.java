package fixtures;

import pneumatic.Pipeline;
import pneumatic.Source;

/** A source and nothing else: its values go straight to output(). */
@Pipeline
public interface Spring {
    @Source Iterable<String> water() throws Exception;
}
