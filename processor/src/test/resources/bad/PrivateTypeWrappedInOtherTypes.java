package fixtures;

import java.util.Optional;
import java.util.stream.Stream;
import pneumatic.Pipeline;
import pneumatic.Sink;
import pneumatic.Source;
import pneumatic.Stage;
import pneumatic.channel.Sender;

/**
 * A private type inside other types, in each place of a signature where the wiring names it:
 * a Sender's, an Optional's or a Stream's element (a wildcard's bound), an array's component.
 */
public class PrivateTypeWrappedInOtherTypes {
    private static final class Hidden {}

    @Pipeline
    interface Steps {
        @Source void items(
                Sender<Hidden> items);

        @Stage Optional<Hidden> present(Object item);

        @Stage Stream<? extends Hidden> spread(Object item);

        @Stage Hidden[] gather(Object item);

        @Stage void relay(
                Hidden[] batch,
                Sender<Hidden> relayed);

        @Sink void take(
                Hidden item);
    }
}
