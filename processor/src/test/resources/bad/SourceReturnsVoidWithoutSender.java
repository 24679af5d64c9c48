package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A source that returns void but has no Sender to send on. */
@Pipeline
public interface SourceReturnsVoidWithoutSender {
    @Source void lines();

    @Sink void print(String line);
}
