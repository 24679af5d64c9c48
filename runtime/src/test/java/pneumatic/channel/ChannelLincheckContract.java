package pneumatic.channel;

import static pneumatic.channel.ChannelModel.CLOSED;
import static pneumatic.channel.ChannelModel.DISCONNECTED;
import static pneumatic.channel.ChannelModel.EMPTY;
import static pneumatic.channel.ChannelModel.FULL;
import static pneumatic.channel.ChannelModel.HANDLES;
import static pneumatic.channel.ChannelModel.HANDLE_CLOSED;
import static pneumatic.channel.ChannelModel.SENT;
import static pneumatic.channel.ChannelModel.TIMEOUT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck model checking (and a short stress run) of one channel flavor against the sequential
 * {@link ChannelModel}: every subclass makes its channel and names its specification.
 *
 * <p>An instance is both the JUnit test and Lincheck's state: Lincheck makes a new one for each
 * run of a scenario, with {@link ChannelModel#HANDLES} sender and receiver handles (the originals
 * and clones), and scenario thread {@code t} uses handle {@code t} of each end only (see {@link
 * ChannelScenarios}). Every outcome, exceptions included, is returned as a value the model can
 * give too: {@code "sent"}, {@code "full"}, {@code "timeout"}, {@code "disconnected"} (a {@link
 * DisconnectedException}), {@code "handle closed"} (the {@link IllegalStateException} of a closed
 * handle), the value received, or {@code "empty"}.
 *
 * <p>Three tests per flavor, each bounded so that it takes seconds on two cores:
 * <ul>
 *   <li>model checking of trySend, tryRecv and closing either end;</li>
 *   <li>model checking of those with the blocking send and recv, in scenarios in which a correct
 *       channel never leaves a thread blocked, so that a hang is a failure;</li>
 *   <li>a stress run of everything, timed operations included: model checking cannot time out
 *       (its clock stands still), and it explores sequentially consistent interleavings only,
 *       while a stress run uses the real clock and the real memory model.</li>
 * </ul>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class ChannelLincheckContract {

    /** How long a timed operation waits in the stress run: short, as most of them run out. */
    static final Duration WAIT = Duration.ofMillis(1);

    private final List<Sender<Integer>> senders = new ArrayList<>();
    private final List<Receiver<Integer>> receivers = new ArrayList<>();

    ChannelLincheckContract(Channel<Integer> channel) {
        senders.add(channel.sender());
        receivers.add(channel.receiver());
        while (senders.size() < HANDLES) {
            senders.add(channel.sender().clone());
            receivers.add(channel.receiver().clone());
        }
    }

    /** The sequential specification of this flavor: a public class with a public constructor. */
    abstract Class<? extends ChannelModel> model();

    @Operation
    public Object trySend(int handle, int value) {
        try {
            return senders.get(handle).trySend(value) ? SENT : FULL;
        } catch (DisconnectedException e) {
            return DISCONNECTED;
        } catch (IllegalStateException e) {
            return HANDLE_CLOSED;
        }
    }

    @Operation
    public Object send(int handle, int value) throws InterruptedException {
        try {
            senders.get(handle).send(value);
            return SENT;
        } catch (DisconnectedException e) {
            return DISCONNECTED;
        } catch (IllegalStateException e) {
            return HANDLE_CLOSED;
        }
    }

    @Operation
    public Object sendTimed(int handle, int value) throws InterruptedException {
        try {
            return senders.get(handle).send(value, WAIT) ? SENT : TIMEOUT;
        } catch (DisconnectedException e) {
            return DISCONNECTED;
        } catch (IllegalStateException e) {
            return HANDLE_CLOSED;
        }
    }

    @Operation
    public Object tryRecv(int handle) {
        try {
            return received(receivers.get(handle).tryRecv(), EMPTY);
        } catch (DisconnectedException e) {
            return DISCONNECTED;
        } catch (IllegalStateException e) {
            return HANDLE_CLOSED;
        }
    }

    @Operation
    public Object recv(int handle) throws InterruptedException {
        try {
            return receivers.get(handle).recv();
        } catch (DisconnectedException e) {
            return DISCONNECTED;
        } catch (IllegalStateException e) {
            return HANDLE_CLOSED;
        }
    }

    @Operation
    public Object recvTimed(int handle) throws InterruptedException {
        try {
            return received(receivers.get(handle).recv(WAIT), TIMEOUT);
        } catch (DisconnectedException e) {
            return DISCONNECTED;
        } catch (IllegalStateException e) {
            return HANDLE_CLOSED;
        }
    }

    @Operation
    public Object closeSender(int handle) {
        senders.get(handle).close();
        return CLOSED;
    }

    @Operation
    public Object closeReceiver(int handle) {
        receivers.get(handle).close();
        return CLOSED;
    }

    private static Object received(Optional<Integer> value, String none) {
        return value.isPresent() ? value.get() : none;
    }

    @Test
    void nonBlockingOperationsAndClosingAreLinearizable() {
        new ModelCheckingOptions()
                .executionGenerator(ChannelScenarios.NonBlocking.class)
                .sequentialSpecification(model())
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .iterations(8)
                .invocationsPerIteration(60)
                .check(getClass());
    }

    @Test
    void blockingSendAndRecvAreLinearizableAndNeverHang() {
        new ModelCheckingOptions()
                .executionGenerator(ChannelScenarios.Blocking.class)
                .sequentialSpecification(model())
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1)
                .iterations(8)
                .invocationsPerIteration(80)
                // removing an operation from a failing scenario can make it hang for real
                .minimizeFailedScenario(false)
                .check(getClass());
    }

    @Test
    void everyOperationIsLinearizableUnderStress() {
        new StressOptions()
                .executionGenerator(ChannelScenarios.WithTimeouts.class)
                .sequentialSpecification(model())
                .threads(3)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(1)
                .iterations(8)
                .invocationsPerIteration(150)
                .minimizeFailedScenario(false)
                .check(getClass());
    }
}
