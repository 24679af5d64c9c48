package fixtures;

import java.util.List;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** Three step annotations in an interface that is not a @Pipeline: reported in source order. */
public interface StepsWithoutPipeline {
    @Source List<String> lines();

    @Stage String trim(String line);

    @Sink void print(String line);
}
