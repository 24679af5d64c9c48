package fixtures;

import java.util.List;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * A method with two step annotations is still a step whose role is unknown: an interface of
 * only that method has steps, and the steps around one are not compared with each other.
 */
public class StepsWithTwoAnnotationsKeepTheirPlace {
    @Pipeline
    interface Alone {
        @Source
        @Sink
        List<String> lines();
    }

    @Pipeline
    interface Between {
        @Source Stream<String> lines();

        @Stage
        @Sink
        Integer length(String line);

        @Sink void print(Integer length);
    }
}
