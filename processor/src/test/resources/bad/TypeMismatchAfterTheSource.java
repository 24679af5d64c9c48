package fixtures;

import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/** The first step after the source takes an Integer where the source sends Strings. */
@Pipeline
public interface TypeMismatchAfterTheSource {
    @Source void lines(Sender<String> out);

    @Stage String trim(
            Integer line);

    @Sink void print(String line);
}
