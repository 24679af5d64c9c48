package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A stage that sends on a Sender and also returns a value. */
@Pipeline
public interface SenderStageReturnsValue {
    @Source Stream<String> lines();

    @Stage boolean words(String line, Sender<String> out);

    @Sink void print(String word);
}
