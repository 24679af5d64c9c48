package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Stage;

/** No source: the caller feeds the pipeline through input(). */
@Pipeline
public interface Shout {
    @Stage(workers = 2) String upper(String line);

    @Sink void print(String line);
}
