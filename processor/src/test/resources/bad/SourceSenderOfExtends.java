package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.channel.Sender;

/** A source whose Sender has an upper-bounded wildcard, so nothing can be sent on it. */
@Pipeline
public interface SourceSenderOfExtends {
    @Source void lines(
            Sender<? extends String> out);

    @Sink void print(String line);
}
