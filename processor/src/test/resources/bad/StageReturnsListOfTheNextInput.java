package fixtures;

import java.util.List;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * A stage that returns a List, meaning to hand on each word: a List is one value, so the fix
 * that keeps the meaning is a Stream, not "make words return String".
 */
@Pipeline
public interface StageReturnsListOfTheNextInput {
    @Source Stream<String> lines();

    @Stage List<String> words(String line);

    @Sink void print(
            String word);
}
