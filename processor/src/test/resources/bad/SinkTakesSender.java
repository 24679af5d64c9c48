package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.channel.Sender;

/**
 * A sink that takes a Sender where the source emits Strings: the fix is the parameter, not a
 * source of Senders.
 */
@Pipeline
public interface SinkTakesSender {
    @Source Stream<String> lines();

    @Sink void print(
            Sender<String> out);
}
