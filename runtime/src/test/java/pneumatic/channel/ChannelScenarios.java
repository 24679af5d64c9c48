package pneumatic.channel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.CTestStructure;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionGenerator;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.CTestConfiguration;
import org.jetbrains.lincheck.datastructures.RandomProvider;

/**
 * Generates the Lincheck scenarios of {@link ChannelLincheckContract}, in place of Lincheck's
 * own random generator, for two reasons.
 *
 * <p><b>Handles.</b> A handle is not meant to be used and closed by two threads at once (see
 * {@link Sender}), so each scenario thread {@code t} works through handle {@code t} of each end
 * only. The initial part first does a few {@code trySend}/{@code tryRecv} on any handle, then
 * closes every handle that no thread uses (the sender of a thread that never sends, the receiver
 * of a thread that never receives), as a pipeline closes the original sender once each worker
 * has its clone. So "the last sender closes" happens whenever the threads that send close theirs,
 * and half of the threads that send end by closing their sender, as a producer does.
 * The final part (never empty) does a few non-blocking operations on any handle, which also
 * stops a rendezvous history from ending on a value handed over but never received.
 *
 * <p><b>Blocking.</b> Lincheck 3.7 has no notion of a thread that parks for good: it reports every
 * such execution as a deadlock (only Kotlin {@code suspend} operations can stay suspended). So a
 * scenario with blocking operations is kept only if no order of its operations, taken as atomic
 * steps of the sequential {@link ChannelModel}, can leave a thread blocked with nobody left to
 * release it; this is checked by exploring every such order. A correct channel then never hangs
 * in these scenarios, and a hang Lincheck reports is a lost wake-up or a lost value.
 *
 * <p>Values are unique within a scenario (1, 2, 3, ...), so a received value names its send.
 * Generation is seeded by Lincheck's {@link RandomProvider}, so a failure reproduces.
 */
public abstract class ChannelScenarios extends ExecutionGenerator {

    /** Tries to draw a scenario that cannot hang before giving up. */
    private static final int ATTEMPTS = 10_000;

    /** The operations of {@link ChannelLincheckContract}, with how often to draw each. */
    public enum Kind {
        TRY_SEND("trySend", 3),
        SEND("send", 3),
        SEND_TIMED("sendTimed", 2),
        TRY_RECV("tryRecv", 3),
        RECV("recv", 3),
        RECV_TIMED("recvTimed", 2),
        CLOSE_SENDER("closeSender", 1),
        CLOSE_RECEIVER("closeReceiver", 1);

        final String operation;
        final int weight;

        Kind(String operation, int weight) {
            this.operation = operation;
            this.weight = weight;
        }

        /** Takes a value to send (a second {@code int} parameter). */
        boolean sends() {
            return this == TRY_SEND || this == SEND || this == SEND_TIMED;
        }

        /** Takes a value out of the channel, or tries to. */
        boolean receives() {
            return this == TRY_RECV || this == RECV || this == RECV_TIMED;
        }

        /** Uses the thread's sender handle. */
        boolean onSender() {
            return sends() || this == CLOSE_SENDER;
        }

        /** Uses the thread's receiver handle. */
        boolean onReceiver() {
            return !onSender();
        }

        /** May wait for another thread (untimed: until it comes; timed: for a while). */
        boolean waits() {
            return this == SEND || this == RECV || this == SEND_TIMED || this == RECV_TIMED;
        }

        Object applyTo(ChannelModel model, int handle, int value) {
            switch (this) {
                case TRY_SEND:
                    return model.trySend(handle, value);
                case SEND:
                    return model.send(handle, value);
                case SEND_TIMED:
                    return model.sendTimed(handle, value);
                case TRY_RECV:
                    return model.tryRecv(handle);
                case RECV:
                    return model.recv(handle);
                case RECV_TIMED:
                    return model.recvTimed(handle);
                case CLOSE_SENDER:
                    return model.closeSender(handle);
                case CLOSE_RECEIVER:
                    return model.closeReceiver(handle);
                default:
                    throw new AssertionError(this);
            }
        }
    }

    /** One operation of a scenario: what, through which handle, and the value to send. */
    record Step(Kind kind, int handle, int value) {
        Object applyTo(ChannelModel model) {
            return kind.applyTo(model, handle, value);
        }
    }

    private static final List<Kind> INITIAL = List.of(Kind.TRY_SEND, Kind.TRY_RECV);
    private static final List<Kind> FINAL =
            List.of(Kind.TRY_RECV, Kind.TRY_SEND, Kind.CLOSE_SENDER, Kind.CLOSE_RECEIVER);

    private final Random random;
    private final Class<? extends ChannelModel> modelClass;
    private final List<Kind> parallelKinds;
    private final Map<Kind, Method> operations;

    ChannelScenarios(CTestConfiguration configuration, CTestStructure structure, RandomProvider randoms,
            Set<Kind> kinds) {
        super(configuration, structure);
        this.random = randoms.createRandom();
        this.modelClass = configuration.getSequentialSpecification().asSubclass(ChannelModel.class);
        boolean partnersWait = kinds.stream().anyMatch(Kind::waits);
        ChannelModel model = newModel();
        this.parallelKinds = kinds.stream().filter(kind -> model.specifies(kind, partnersWait)).toList();
        this.operations = operations(configuration.getTestClass());
    }

    private static Map<Kind, Method> operations(Class<?> testClass) {
        Map<Kind, Method> operations = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Class<?>[] parameters = kind.sends() ? new Class<?>[] {int.class, int.class} : new Class<?>[] {int.class};
            try {
                operations.put(kind, testClass.getMethod(kind.operation, parameters));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("the test class lacks the operation " + kind.operation, e);
            }
        }
        return operations;
    }

    /** Non-blocking operations and closing: trySend, tryRecv, closeSender, closeReceiver. */
    public static final class NonBlocking extends ChannelScenarios {
        public NonBlocking(CTestConfiguration configuration, CTestStructure structure, RandomProvider randoms) {
            super(configuration, structure, randoms,
                    EnumSet.of(Kind.TRY_SEND, Kind.TRY_RECV, Kind.CLOSE_SENDER, Kind.CLOSE_RECEIVER));
        }
    }

    /**
     * Those and the blocking send and recv. Timed operations are left out: under model checking
     * Lincheck makes {@code System.nanoTime()} a constant, so a time-out never runs out and a
     * timed operation is the untimed one.
     */
    public static final class Blocking extends ChannelScenarios {
        public Blocking(CTestConfiguration configuration, CTestStructure structure, RandomProvider randoms) {
            super(configuration, structure, randoms, EnumSet.of(Kind.TRY_SEND, Kind.TRY_RECV, Kind.SEND,
                    Kind.RECV, Kind.CLOSE_SENDER, Kind.CLOSE_RECEIVER));
        }
    }

    /** Every operation, timed ones included: for stress runs, where time-outs do run out. */
    public static final class WithTimeouts extends ChannelScenarios {
        public WithTimeouts(CTestConfiguration configuration, CTestStructure structure, RandomProvider randoms) {
            super(configuration, structure, randoms, EnumSet.allOf(Kind.class));
        }
    }

    @Override
    public ExecutionScenario nextExecution() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int[] values = {0};
            List<List<Step>> parallel = new ArrayList<>();
            for (int thread = 0; thread < testConfiguration.getThreads(); thread++) {
                List<Step> steps = new ArrayList<>();
                for (int i = 0; i < testConfiguration.getActorsPerThread(); i++) {
                    steps.add(step(draw(parallelKinds), thread, values));
                }
                if (random.nextBoolean() && steps.stream().limit(steps.size() - 1).anyMatch(s -> s.kind().sends())) {
                    steps.set(steps.size() - 1, new Step(Kind.CLOSE_SENDER, thread, 0)); // a producer done
                }
                parallel.add(steps);
            }
            List<Step> initial = new ArrayList<>();
            for (int i = 0; i < testConfiguration.getActorsBefore(); i++) {
                initial.add(step(draw(INITIAL), random.nextInt(ChannelModel.HANDLES), values));
            }
            for (int handle = 0; handle < ChannelModel.HANDLES; handle++) {
                if (!uses(parallel, handle, true)) {
                    initial.add(new Step(Kind.CLOSE_SENDER, handle, 0));
                }
                if (!uses(parallel, handle, false)) {
                    initial.add(new Step(Kind.CLOSE_RECEIVER, handle, 0));
                }
            }
            List<Step> post = new ArrayList<>();
            for (int i = 0; i < Math.max(1, testConfiguration.getActorsAfter()); i++) {
                post.add(step(draw(FINAL), random.nextInt(ChannelModel.HANDLES), values));
            }
            ChannelModel model = newModel();
            initial.forEach(step -> step.applyTo(model));
            int[] done = new int[parallel.size()];
            if (exchanges(parallel) && !mayHang(model, parallel, done, new HashSet<>())) {
                return new ExecutionScenario(actors(operations, initial),
                        parallel.stream().map(thread -> actors(operations, thread)).toList(), actors(operations, post),
                        testStructure.validationFunction);
            }
        }
        throw new IllegalStateException("no scenario without a possible hang in " + ATTEMPTS + " attempts");
    }

    private ChannelModel newModel() {
        try {
            return modelClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the sequential specification " + modelClass, e);
        }
    }

    private Kind draw(List<Kind> kinds) {
        int total = kinds.stream().mapToInt(kind -> kind.weight).sum();
        int pick = random.nextInt(total);
        for (Kind kind : kinds) {
            pick -= kind.weight;
            if (pick < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights do not add up");
    }

    private static Step step(Kind kind, int handle, int[] values) {
        return new Step(kind, handle, kind.sends() ? ++values[0] : 0);
    }

    /**
     * Whether values can pass between threads: one thread sends and another receives, and one of
     * those may wait if this generator has waiting operations at all. Random scenarios that can
     * never hang are otherwise mostly those in which nothing is sent.
     */
    private boolean exchanges(List<List<Step>> parallel) {
        boolean waiting = parallelKinds.stream().anyMatch(Kind::waits);
        for (int t = 0; t < parallel.size(); t++) {
            for (Step sending : parallel.get(t)) {
                for (int u = 0; u < parallel.size(); u++) {
                    for (Step receiving : parallel.get(u)) {
                        if (u != t && sending.kind().sends() && receiving.kind().receives()
                                && (!waiting || sending.kind().waits() || receiving.kind().waits())) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Whether the thread that owns {@code handle} uses that handle of the given end. */
    private static boolean uses(List<List<Step>> parallel, int handle, boolean sender) {
        return handle < parallel.size()
                && parallel.get(handle).stream().anyMatch(step -> sender ? step.kind().onSender() : step.kind().onReceiver());
    }

    private static List<Actor> actors(Map<Kind, Method> operations, List<Step> steps) {
        List<Actor> actors = new ArrayList<>();
        for (Step step : steps) {
            List<Object> arguments = step.kind().sends()
                    ? List.of(step.handle(), step.value())
                    : Collections.singletonList(step.handle());
            actors.add(new Actor(operations.get(step.kind()), arguments));
        }
        return actors;
    }

    /**
     * Whether some order of the remaining steps, each taking effect atomically where the model
     * lets it, reaches a state in which a thread still has steps but none can take effect. A
     * rendezvous send takes effect only together with a receive of another thread that comes
     * right after it. {@code done} counts each thread's steps taken; it is restored on return.
     */
    private static boolean mayHang(ChannelModel model, List<List<Step>> threads, int[] done, Set<String> seen) {
        if (!seen.add(model + Arrays.toString(done))) {
            return false;
        }
        boolean finished = true;
        boolean moved = false;
        for (int t = 0; t < threads.size(); t++) {
            if (done[t] == threads.get(t).size()) {
                continue;
            }
            finished = false;
            ChannelModel next = model.copy();
            if (threads.get(t).get(done[t]).applyTo(next) == ChannelModel.BLOCKED) {
                continue;
            }
            done[t]++;
            try {
                if (!next.awaitsReceiver()) {
                    moved = true;
                    if (mayHang(next, threads, done, seen)) {
                        return true;
                    }
                    continue;
                }
                for (int u = 0; u < threads.size(); u++) {
                    if (u == t || done[u] == threads.get(u).size()) {
                        continue;
                    }
                    ChannelModel taken = next.copy();
                    if (threads.get(u).get(done[u]).applyTo(taken) == ChannelModel.BLOCKED) {
                        continue;
                    }
                    moved = true;
                    done[u]++;
                    try {
                        if (mayHang(taken, threads, done, seen)) {
                            return true;
                        }
                    } finally {
                        done[u]--;
                    }
                }
            } finally {
                done[t]--;
            }
        }
        return !finished && !moved;
    }
}
