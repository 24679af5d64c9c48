package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/** @Stage on a static method, which is never a step. */
@Pipeline
public interface StageOnStaticMethod {
    @Source Stream<String> lines();

    @Stage static String trim(String line) {
        return line.trim();
    }

    @Sink void print(String line);
}
