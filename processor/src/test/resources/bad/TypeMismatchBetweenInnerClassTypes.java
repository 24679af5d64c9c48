package fixtures;

import java.util.List;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;

/** Box<String>.Item and Box<Integer>.Item differ only in the type around Item. */
public interface TypeMismatchBetweenInnerClassTypes {
    /** A generic class with an inner (non-static) class. */
    class Box<T> {
        class Item {}
    }

    @Pipeline
    interface Steps {
        @Source List<Box<String>.Item> items();

        @Sink void take(
                Box<Integer>.Item item);
    }
}
