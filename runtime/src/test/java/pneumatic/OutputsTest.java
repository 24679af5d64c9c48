package pneumatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import pneumatic.channel.Channel;
import pneumatic.channel.Sender;

/**
 * {@link Outputs}: what each step shape sends, and the message of each {@code null} where a value
 * was expected. The messages fit every caller: a step, a source, and the thread that feeds a run
 * the caller's inputs.
 */
class OutputsTest {

    private final Channel<String> channel = Channel.unbounded();
    private final Sender<String> out = channel.sender();

    private List<String> sent() {
        out.close();
        List<String> values = new ArrayList<>();
        channel.receiver().forEach(values::add);
        return values;
    }

    @Test
    void sendsWhatEachShapeHolds() throws InterruptedException {
        Outputs.sendOne(out, "one");
        Outputs.sendPresent(out, Optional.of("present"));
        Outputs.sendPresent(out, Optional.empty());
        Outputs.sendStream(out, Stream.of("s1", "s2"));
        Outputs.sendIterable(out, List.of("i1", "i2"));
        Outputs.sendIterator(out, List.of("t1").iterator());
        assertEquals(List.of("one", "present", "s1", "s2", "i1", "i2", "t1"), sent());
    }

    @Test
    void eachNullSaysWhatToReturnInstead() {
        assertSays("the step returned null; return a value, or declare Optional<R> and return"
                + " Optional.empty() to emit nothing", () -> Outputs.sendOne(out, null));
        assertSays("the step returned a null Optional; return Optional.empty() to emit nothing",
                () -> Outputs.sendPresent(out, null));
        assertSays("the step returned a null Stream; return Stream.empty() to emit nothing",
                () -> Outputs.sendStream(out, null));
        assertSays("the source returned a null Iterable; return an empty one to emit nothing",
                () -> Outputs.sendIterable(out, null));
        assertSays("the Iterable's iterator() returned null; return an empty iterator to emit nothing",
                () -> Outputs.sendIterable(out, () -> null));
        assertSays("the source returned a null Iterator; return an empty one to emit nothing",
                () -> Outputs.sendIterator(out, null));
    }

    /** A null element, wherever it comes from, is left unsent, and what came before it is sent. */
    @Test
    void aNullElementStopsBeforeItWithOneMessageForEveryCaller() {
        String message = "a null element; channels carry only non-null values, so leave nulls out";
        assertSays(message, () -> Outputs.sendStream(out, Stream.of("a", null, "b")));
        assertSays(message, () -> Outputs.sendIterable(out, Arrays.asList("c", null, "d")));
        Iterator<String> iterator = Arrays.asList("e", null, "f").iterator();
        assertSays(message, () -> Outputs.sendIterator(out, iterator));
        assertEquals(List.of("a", "c", "e"), sent());
    }

    private static void assertSays(String message, Executable call) {
        assertEquals(message, assertThrows(NullPointerException.class, call).getMessage());
    }
}
