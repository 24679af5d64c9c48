package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A stage with a third parameter. */
@Pipeline
public interface StageTakesThreeParameters {
    @Source Stream<String> lines();

    @Stage void words(String line, Sender<String> out,
            int limit);

    @Sink void print(String word);
}
