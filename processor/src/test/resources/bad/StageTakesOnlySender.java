package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A stage that takes the Sender it sends on but not the value it is handed. */
@Pipeline
public interface StageTakesOnlySender {
    @Source Stream<String> lines();

    @Stage void words(
            Sender<String> out);

    @Sink void print(String word);
}
