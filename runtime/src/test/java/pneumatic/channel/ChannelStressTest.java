package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several producers and consumers at once on every flavor, in rounds planned by a seeded random
 * generator: producers clone their handle as they go and close the old one at random points
 * (sometimes twice), and send by {@code send}, {@code trySend} and {@code send(T, Duration)};
 * consumers are competing clones that receive by {@code recv}, {@code tryRecv},
 * {@code recv(Duration)}, iteration or a stream, switch to a fresh clone now and then, and some
 * quit early. In one round of four every consumer quits early, so the producers must see the
 * disconnection instead; in one of three every call blocks, so only wake-ups move values along;
 * in one of four a chaos thread interrupts producers and consumers at random while they work,
 * and each retries what the interrupt stopped (an interrupted call moved nothing). Consumers
 * also take batches with {@code drainTo}, and one flavor draws a new capacity every round.
 *
 * <p>After each round: no value arrived twice, none arrived that was not sent, none was lost (a
 * value whose send returned arrived, unless every receiver quit, and then what arrived of each
 * producer is a prefix), each consumer saw each producer's values in order, and every thread
 * ended.
 *
 * <p>Bounded in time and in count: {@code -Dstress.seconds} (default 6) is shared by the flavors;
 * {@code -Dstress.rounds} (default 500 per second) caps the rounds of each flavor, so a fast
 * machine stops early. The seed is printed first and is part of every failure message;
 * {@code -Dstress.seed=...} plans the same rounds again (the interleavings are up to the machine).
 */
class ChannelStressTest {

    private static final long SEED = Long.getLong("stress.seed", System.nanoTime());
    private static final long SECONDS = Long.getLong("stress.seconds", 6);
    private static final int MAX_ROUNDS = Integer.getInteger("stress.rounds", (int) Math.min(500 * SECONDS, Integer.MAX_VALUE));
    private static final String[] FLAVORS =
            {"unbounded", "bounded(1)", "bounded(3)", "bounded(1024)", "bounded(random)", "rendezvous"};

    /** A producer whose retries keep failing falls back to a blocking send after this many. */
    private static final int PATIENT_ATTEMPTS = 64;

    private final BackgroundThreads threads = new BackgroundThreads();

    /** The round in progress, for the message of a time-out; written by the test thread. */
    private volatile String current = "";

    enum SendWay { SEND, TRY_SEND, TIMED_SEND, MIXED }

    enum RecvWay { RECV, TRY_RECV, TIMED_RECV, MIXED, ITERATE, STREAM, DRAIN }

    private static final RecvWay[] BLOCKING_RECV_WAYS = {RecvWay.RECV, RecvWay.ITERATE, RecvWay.STREAM};

    /** The {@code seq}-th value of producer {@code producer}. */
    record Token(int producer, int seq) {}

    /** What one round does: its shape, drawn from the round's seed; the seed drives the rest. */
    record Plan(int[] counts, SendWay[] sendWays, int[] quitAfter, RecvWay[] recvWays,
                boolean abandon, boolean consumersFirst, boolean closeOriginalsEarly, boolean interrupts,
                int capacity, long seed) {

        static Plan of(long seed) {
            Random random = new Random(seed);
            int producers = 1 + random.nextInt(4);
            int consumers = 1 + random.nextInt(4);
            boolean abandon = random.nextInt(4) == 0;
            // Timed and non-blocking calls retry by themselves, which hides a lost wake-up; so in
            // a third of the rounds, every thread relies on being woken.
            boolean onlyBlocking = random.nextInt(3) == 0;
            int[] counts = new int[producers];
            SendWay[] sendWays = new SendWay[producers];
            for (int p = 0; p < producers; p++) {
                counts[p] = random.nextInt(400);
                sendWays[p] = onlyBlocking ? SendWay.SEND : pick(SendWay.values(), random);
            }
            int[] quitAfter = new int[consumers];
            RecvWay[] recvWays = new RecvWay[consumers];
            for (int c = 0; c < consumers; c++) {
                boolean quits = abandon || (c > 0 && random.nextInt(3) == 0);
                quitAfter[c] = quits ? random.nextInt(200) : Integer.MAX_VALUE;
                recvWays[c] = pick(onlyBlocking ? BLOCKING_RECV_WAYS : RecvWay.values(), random);
            }
            return new Plan(counts, sendWays, quitAfter, recvWays, abandon,
                    random.nextBoolean(), random.nextBoolean(), random.nextInt(4) == 0, 1 + random.nextInt(64),
                    random.nextLong());
        }

        private static <E> E pick(E[] choices, Random random) {
            return choices[random.nextInt(choices.length)];
        }

        @Override
        public String toString() {
            return "Plan[counts=" + Arrays.toString(counts) + ", sendWays=" + Arrays.toString(sendWays)
                    + ", quitAfter=" + Arrays.toString(quitAfter) + ", recvWays="
                    + Arrays.toString(recvWays) + ", abandon=" + abandon + ", interrupts=" + interrupts
                    + ", capacity=" + capacity + "]";
        }
    }

    static Stream<String> flavors() {
        return Stream.of(FLAVORS);
    }

    @BeforeAll
    static void printSeed() {
        System.out.println("ChannelStressTest: seed=" + SEED + " (repeat with -Dstress.seed=" + SEED + "), "
                + SECONDS + " s for " + FLAVORS.length + " flavors, at most " + MAX_ROUNDS + " rounds each");
    }

    @AfterEach
    void endThreads() {
        threads.endAll();
    }

    @ParameterizedTest
    @MethodSource("flavors")
    void producersAndConsumersAgreeOnEveryValue(String flavor) {
        Duration budget = Duration.ofMillis(SECONDS * 1_000 / FLAVORS.length);
        // The budget decides when to stop starting rounds; the margin is for the round in flight.
        assertTimeoutPreemptively(budget.plusSeconds(40), () -> runRounds(flavor, budget),
                () -> current + ": hung (threads are interrupted after the test)");
    }

    private void runRounds(String flavor, Duration budget) throws Exception {
        Random rounds = new Random(SEED ^ (0x9E3779B97F4A7C15L * (1 + List.of(FLAVORS).indexOf(flavor))));
        long deadline = System.nanoTime() + budget.toNanos();
        int round = 0;
        while (round < MAX_ROUNDS && (round == 0 || System.nanoTime() - deadline < 0)) {
            long roundSeed = rounds.nextLong();
            Plan plan = Plan.of(roundSeed);
            current = "seed=" + SEED + " flavor=" + flavor + " round=" + round + " " + plan;
            runRound(channel(flavor, plan), plan, current);
            threads.endAll();
            round++;
        }
        System.out.println("ChannelStressTest: " + flavor + ", " + round + " rounds");
    }

    private static Channel<Token> channel(String flavor, Plan plan) {
        switch (flavor) {
            case "unbounded":
                return Channel.unbounded();
            case "bounded(1)":
                return Channel.bounded(1);
            case "bounded(3)":
                return Channel.bounded(3);
            case "bounded(1024)":
                return Channel.bounded(1024);
            case "bounded(random)":
                return Channel.bounded(plan.capacity());
            case "rendezvous":
                return Channel.rendezvous();
            default:
                throw new IllegalArgumentException(flavor);
        }
    }

    private void runRound(Channel<Token> ch, Plan plan, String context) throws Exception {
        int producers = plan.counts().length;
        int consumers = plan.quitAfter().length;
        Random random = new Random(plan.seed());
        AtomicIntegerArray sentCounts = new AtomicIntegerArray(producers);

        List<Sender<Token>> producerHandles = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            producerHandles.add(ch.sender().clone());
        }
        List<Receiver<Token>> consumerHandles = new ArrayList<>();
        boolean originalToConsumer = random.nextBoolean();
        for (int c = 0; c < consumers; c++) {
            consumerHandles.add(c == 0 && originalToConsumer ? ch.receiver() : ch.receiver().clone());
        }
        if (plan.closeOriginalsEarly()) {
            closeOriginals(ch, originalToConsumer);
        }

        List<Background<Void>> producing = new ArrayList<>();
        List<Background<List<Token>>> consuming = new ArrayList<>();
        Runnable startProducers = () -> {
            for (int p = 0; p < producers; p++) {
                int id = p;
                long seed = random.nextLong();
                producing.add(threads.run("producer " + p, () -> produce(
                        producerHandles.get(id), id, plan.counts()[id], plan.sendWays()[id], new Random(seed), sentCounts)));
            }
        };
        Runnable startConsumers = () -> {
            for (int c = 0; c < consumers; c++) {
                int id = c;
                long seed = random.nextLong();
                consuming.add(threads.call("consumer " + c, () -> consume(
                        consumerHandles.get(id), plan.quitAfter()[id], plan.recvWays()[id], new Random(seed))));
            }
        };
        if (plan.consumersFirst()) {
            startConsumers.run();
            startProducers.run();
        } else {
            startProducers.run();
            startConsumers.run();
        }
        if (!plan.closeOriginalsEarly()) {
            closeOriginals(ch, originalToConsumer);
        }
        Background<Void> chaos = plan.interrupts() ? startChaos(producing, consuming, random.nextLong()) : null;

        List<List<Token>> received = new ArrayList<>();
        for (var producer : producing) {
            outcome(producer, context);
        }
        for (var consumer : consuming) {
            received.add(outcome(consumer, context));
        }
        if (chaos != null) {
            chaos.interrupt();
            outcome(chaos, context);
        }
        check(plan, sentCounts, received, context);
    }

    /** Interrupts a random producer or consumer every few microseconds until interrupted itself. */
    private Background<Void> startChaos(List<Background<Void>> producing, List<Background<List<Token>>> consuming,
                                        long seed) {
        List<Background<?>> targets = new ArrayList<>(producing);
        targets.addAll(consuming);
        Random random = new Random(seed);
        return threads.run("chaos", () -> {
            while (!Thread.currentThread().isInterrupted()) {
                targets.get(random.nextInt(targets.size())).interrupt();
                java.util.concurrent.locks.LockSupport.parkNanos(random.nextInt(50_000));
            }
        });
    }

    private static void closeOriginals(Channel<Token> ch, boolean originalToConsumer) {
        ch.sender().close();
        if (!originalToConsumer) {
            ch.receiver().close();
        }
    }

    private static <R> R outcome(Background<R> background, String context) throws InterruptedException {
        try {
            return background.get();
        } catch (AssertionError e) {
            throw new AssertionError(context + ": " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }

    /** Sends seq 0..count-1, switching to a fresh clone now and then; stops at a disconnection. */
    private static void produce(Sender<Token> first, int id, int count, SendWay way, Random random,
                                AtomicIntegerArray sentCounts) throws InterruptedException {
        Sender<Token> handle = first;
        try {
            for (int seq = 0; seq < count; seq++) {
                if (random.nextInt(16) == 0) {
                    Sender<Token> next = handle.clone();
                    handle.close();
                    if (random.nextBoolean()) {
                        handle.close(); // a second close of one handle must not count
                    }
                    handle = next;
                }
                Token token = new Token(id, seq);
                while (true) {
                    try {
                        send(handle, token, way, random);
                        break;
                    } catch (InterruptedException interrupted) {
                        // the chaos thread: an interrupted send sent nothing, so send again
                    }
                }
                sentCounts.set(id, seq + 1);
            }
        } catch (DisconnectedException expectedWhenEveryConsumerQuit) {
            // the check tells whether that was allowed
        } finally {
            handle.close();
            if (random.nextBoolean()) {
                handle.close();
            }
            Thread.interrupted(); // a last interrupt of the chaos thread may still be pending
        }
    }

    private static void send(Sender<Token> tx, Token token, SendWay way, Random random) throws InterruptedException {
        switch (way) {
            case SEND:
                tx.send(token);
                return;
            case TRY_SEND:
                for (int attempt = 0; !tx.trySend(token); attempt++) {
                    if (attempt == PATIENT_ATTEMPTS) {
                        tx.send(token); // a rendezvous needs someone to wait, or nobody ever meets
                        return;
                    }
                    Thread.yield();
                }
                return;
            case TIMED_SEND:
                for (int attempt = 0; !tx.send(token, Duration.ofNanos(random.nextInt(200_000))); attempt++) {
                    if (attempt == PATIENT_ATTEMPTS / 4) {
                        tx.send(token);
                        return;
                    }
                }
                return;
            case MIXED:
                send(tx, token, SendWay.values()[random.nextInt(3)], random);
                return;
            default:
                throw new AssertionError(way);
        }
    }

    /**
     * Receives until the end or until {@code quitAfter} values, then closes its handle. An
     * interrupt (from the chaos thread) stops the call it hits, which then took nothing: the
     * consumer carries on, with a new iterator or stream where it was iterating.
     */
    private static List<Token> consume(Receiver<Token> first, int quitAfter, RecvWay way, Random random)
            throws InterruptedException {
        List<Token> received = new ArrayList<>();
        Receiver<Token> handle = first;
        try {
            switch (way) {
                case ITERATE:
                    while (received.size() < quitAfter) {
                        try {
                            for (Token token : handle) {
                                received.add(token);
                                if (received.size() == quitAfter) {
                                    break;
                                }
                            }
                            break; // the end of the stream
                        } catch (java.util.concurrent.CancellationException interrupted) {
                            Thread.interrupted(); // the iterator set it again; iterate on
                        }
                    }
                    break;
                case STREAM:
                    while (received.size() < quitAfter) {
                        try {
                            handle.stream().limit(quitAfter - received.size()).forEach(received::add);
                            break;
                        } catch (java.util.concurrent.CancellationException interrupted) {
                            Thread.interrupted();
                        }
                    }
                    break;
                default:
                    List<Token> batch = new ArrayList<>();
                    while (received.size() < quitAfter) {
                        if (random.nextInt(32) == 0) {
                            Receiver<Token> next = handle.clone();
                            handle.close();
                            handle = next;
                        }
                        try {
                            if (way == RecvWay.DRAIN) {
                                batch.clear();
                                if (handle.drainTo(batch, Math.min(1 + random.nextInt(32), quitAfter - received.size())) == 0) {
                                    batch.add(handle.recv());
                                }
                                received.addAll(batch);
                            } else {
                                received.add(recv(handle, way, random));
                            }
                        } catch (InterruptedException interrupted) {
                            // took nothing: receive again
                        }
                    }
            }
        } catch (DisconnectedException end) {
            // every producer is done and the channel is drained
        } finally {
            handle.close();
            Thread.interrupted();
        }
        return received;
    }

    private static Token recv(Receiver<Token> rx, RecvWay way, Random random) throws InterruptedException {
        switch (way) {
            case RECV:
                return rx.recv();
            case TRY_RECV:
                for (int attempt = 0; attempt < PATIENT_ATTEMPTS; attempt++) {
                    Optional<Token> token = rx.tryRecv();
                    if (token.isPresent()) {
                        return token.get();
                    }
                    Thread.yield();
                }
                return rx.recv(); // a rendezvous needs someone to wait, or nobody ever meets
            case TIMED_RECV:
                for (int attempt = 0; attempt < PATIENT_ATTEMPTS / 4; attempt++) {
                    Optional<Token> token = rx.recv(Duration.ofNanos(random.nextInt(500_000)));
                    if (token.isPresent()) {
                        return token.get();
                    }
                }
                return rx.recv();
            case MIXED:
                return recv(rx, RecvWay.values()[random.nextInt(3)], random);

            default:
                throw new AssertionError(way);
        }
    }

    private static void check(Plan plan, AtomicIntegerArray sentCounts, List<List<Token>> received, String context) {
        int producers = plan.counts().length;
        Set<Token> seen = new HashSet<>();
        int[] highest = new int[producers];
        Arrays.fill(highest, -1);
        for (int c = 0; c < received.size(); c++) {
            int[] last = new int[producers];
            Arrays.fill(last, -1);
            for (Token token : received.get(c)) {
                int p = token.producer();
                if (p < 0 || p >= producers || token.seq() >= sentCounts.get(p)) {
                    fail(context + ": consumer " + c + " received " + token + ", which was never sent"
                            + " (that producer's sends succeeded " + (p >= 0 && p < producers ? sentCounts.get(p) : 0)
                            + " times)");
                }
                if (!seen.add(token)) {
                    fail(context + ": " + token + " was received twice");
                }
                if (token.seq() <= last[p]) {
                    fail(context + ": consumer " + c + " received " + token + " after seq " + last[p] + " of that producer");
                }
                last[p] = token.seq();
                highest[p] = Math.max(highest[p], token.seq());
            }
        }
        for (int p = 0; p < producers; p++) {
            int sent = sentCounts.get(p);
            if (!plan.abandon()) {
                assertEquals(plan.counts()[p], sent,
                        context + ": producer " + p + " stopped early, yet a consumer stayed to the end");
            }
            int delivered = 0;
            for (int seq = 0; seq < sent; seq++) {
                if (seen.contains(new Token(p, seq))) {
                    delivered++;
                }
            }
            if (plan.abandon()) {
                // Values leave in the order they entered: what the consumers took is a prefix.
                assertEquals(highest[p] + 1, delivered,
                        context + ": producer " + p + "'s values arrived with a gap (highest seq " + highest[p] + ")");
            } else {
                assertEquals(sent, delivered, context + ": producer " + p + " sent " + sent + " values, some were lost");
            }
        }
    }
}
