package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** A step's type is a member of a generic type whose argument does not exist: Box<Missing>.Item. */
@Pipeline
interface UndefinedArgumentOfAnOuterType {
    @Source List<String> lines();

    @Sink void take(Box<Missing>.Item item);

    final class Box<T> {
        final class Item {}
    }
}
