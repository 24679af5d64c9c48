package fixtures;

import fixtures.elsewhere.Stage;
import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A step annotated with another library's Stage, imported in place of Pneumatic's. */
@Pipeline
public interface LookAlikeStepAnnotation {
    @Source List<String> lines();

    @Stage(workers = 2) String trim(String line);

    @Sink void print(String line);
}
