package fixtures;

import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;

/**
 * A step whose parameter type is undefined, then a second step of its name. javac takes the
 * undefined type as matching any type, so it drops the second parse(Object) as a duplicate
 * without a word: the processor never sees it, nor its name clash, nor what it emits to total.
 * Eclipse's compiler keeps both, and the processor reports all three mistakes there.
 */
@Pipeline
public interface NamesakeAfterAnUndefinedStep {
    @Source Stream<String> lines();

    @Stage Integer parse(Missing line);

    @Stage Object parse(Object line);

    @Sink void total(Integer value);
}
