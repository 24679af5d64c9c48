package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.channel.Sender;

/** A source that sends on a Sender and also returns a value. */
@Pipeline
public interface SenderSourceReturnsValue {
    @Source boolean lines(Sender<String> out);

    @Sink void print(String line);
}
