package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** An undefined type and four mistakes that do not depend on it, all reported by one compile. */
@Pipeline
public interface UndefinedTypeAmongOtherMistakes {
    @Source Stream<String> lines();

    @Stage(
            workers = 0)
    String trim(String line);

    String describe(String line);

    @Stage int length(
            Integer line);

    @Stage void log(
            Missing length);

    @Sink void print(String line);
}
