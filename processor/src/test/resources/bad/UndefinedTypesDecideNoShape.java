package fixtures;

import java.util.List;
import java.util.Set;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * Undefined types where they decide a step's shape (Lines could be an Iterable, Out a Sender,
 * Count an Optional) or stand in the type flow (List<Word> into Set<Word>, checked once Word
 * exists): nothing but [Pipeline/Undefined] is reported about them.
 */
@Pipeline
public interface UndefinedTypesDecideNoShape {
    @Source Lines lines();

    @Stage List<Word> split(String line);

    @Stage String join(Set<Word> words);

    @Stage void relay(String line, Out out);

    @Stage Count count(String line);

    @Sink void print(Integer count);
}
