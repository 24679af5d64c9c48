package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** A stage that takes its Sender before the value: void f(T, Sender<R>) the wrong way round. */
@Pipeline
public interface StageTakesSenderFirst {
    @Source Stream<String> lines();

    @Stage void words(
            Sender<String> out, String line);

    @Sink void print(String word);
}
