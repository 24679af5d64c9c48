package pneumatic.bench;

import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The candidates of scenario S5: a source, a stage ({@link Messages#step}) and a sink that adds
 * up, one thread each, 1024 slots between steps, built four ways. Each is written the way its
 * own documentation shows; each run builds everything afresh and ends with every thread joined.
 */
final class Pipelines {

    private Pipelines() {}

    /** The first {@code n} messages, as a source hands them out. */
    static Iterator<Long> messages(int n) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Long next() {
                if (next >= n) {
                    throw new NoSuchElementException();
                }
                return Messages.get(next++);
            }
        };
    }

    /**
     * Pneumatic: the generated {@link ThreeSteps} pipeline. Its threads are its own, but each of
     * them runs one method of {@link Adder}, which counts that thread's allocation: the steady
     * window, and the whole thread's up to its last message ({@link Counted}).
     */
    static Candidate pneumatic() {
        return Candidate.of(Scenarios.PNEUMATIC, n -> {
            Steady steady = new Steady();
            Adder steps = new Adder(n, steady);
            ThreeStepsWiring.run(steps);
            steady.publish();
            return steps.total;
        });
    }

    /**
     * The allocation of one thread that moves {@code total} messages and was not started by
     * {@link Threads}: its steady window and, at its last message, everything it has allocated
     * since it started (a thread's counter starts at 0). What it allocates after its last
     * message is not counted: a send, and the end of its loop (mostly the
     * {@code DisconnectedException} that ends it, with its stack trace), the same once per run
     * whatever the count of messages. For one thread only.
     */
    static final class Counted {
        private final Steady.Window window;
        private final int total;
        /** Messages this step has handled so far; its one thread's own. */
        private int moved;

        Counted(Steady steady, int total, boolean counts) {
            this.window = steady.window(total, counts);
            this.total = total;
        }

        /** Called by the thread as it takes each message. */
        void moved() {
            window.at(++moved);
            if (moved == total) {
                Threads.countHere();
            }
        }
    }

    /**
     * The implementation of {@link ThreeSteps}: each method runs on its step's thread, so no
     * locks, and each counts its thread's allocation.
     */
    private static final class Adder implements ThreeSteps {
        private final int n;
        private final Counted source;
        private final Counted stage;
        private final Counted sink;

        /** Written by the sink's thread only; read after the run, whose end joins that thread. */
        long total;

        Adder(int n, Steady steady) {
            this.n = n;
            this.source = new Counted(steady, n, true);
            this.stage = new Counted(steady, n, false);
            this.sink = new Counted(steady, n, false);
        }

        @Override
        public Iterator<Long> messages() {
            Iterator<Long> messages = Pipelines.messages(n);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return messages.hasNext();
                }

                @Override
                public Long next() {
                    Long message = messages.next();
                    source.moved();
                    return message;
                }
            };
        }

        @Override
        public Long step(Long message) {
            stage.moved();
            return Messages.step(message);
        }

        @Override
        public void sum(Long message) {
            sink.moved();
            total += message;
        }
    }

    /**
     * The same pipeline wired by hand, as a careful programmer does without a library: three
     * threads, two {@link ArrayBlockingQueue}s of 1024, {@code put}/{@code take}, and a poison
     * pill that each step passes on when it sees it. The gate's baseline.
     */
    static Candidate handWired() {
        return handWired("hand-wired-ABQ", false);
    }

    /**
     * The same, with the batching of the generated pipeline's workers written by hand: the step
     * and the sum take what their queue holds with {@code drainTo}, up to 64 at once, and wait
     * with {@code take} only when it is empty. Not the gate's baseline (the gate is about what a
     * programmer writes without a library), but it shows what the channels themselves add once
     * both sides batch.
     */
    static Candidate handWiredBatched() {
        return handWired("hand-wired-ABQ-drainTo", true);
    }

    /** How many messages a batching hand-wired step takes at once, as the generated workers do. */
    private static final int BATCH = 64;

    private static Candidate handWired(String name, boolean batched) {
        String threadPrefix = batched ? "s5-abq-batched-" : "s5-abq-";
        return Candidate.of(name, n -> {
            BlockingQueue<Long> toStep = new ArrayBlockingQueue<>(Scenarios.CAPACITY);
            BlockingQueue<Long> toSum = new ArrayBlockingQueue<>(Scenarios.CAPACITY);
            long[] total = new long[1]; // written by the sum thread; read after the joins
            Steady steady = new Steady();
            Steady.Window sourceWindow = steady.window(n, true);
            Steady.Window stepWindow = steady.window(n, false);
            Steady.Window sumWindow = steady.window(n, false);
            Threads threads = new Threads();
            threads.start(threadPrefix + "source", () -> {
                for (int i = 0; i < n; i++) {
                    toStep.put(Messages.get(i));
                    sourceWindow.at(i + 1);
                }
                toStep.put(Messages.POISON);
            });
            threads.start(threadPrefix + "step", () -> {
                int[] moved = {0};
                untilPoison(toStep, batched, message -> {
                    toSum.put(Messages.step(message));
                    stepWindow.at(++moved[0]);
                });
                toSum.put(Messages.POISON);
            });
            threads.start(threadPrefix + "sum", () -> {
                long[] sum = {0};
                int[] moved = {0};
                untilPoison(toSum, batched, message -> {
                    sum[0] += message;
                    sumWindow.at(++moved[0]);
                });
                total[0] = sum[0];
            });
            threads.joinAll();
            steady.publish();
            return total[0];
        });
    }

    /** What a hand-wired step does with one message. */
    @FunctionalInterface
    private interface Handler {
        void handle(Long message) throws InterruptedException;
    }

    /**
     * Takes messages from {@code queue} until the poison pill: one at a time with {@code take},
     * or, batched, up to {@link #BATCH} at once with {@code drainTo}, waiting with {@code take}
     * only when the queue is empty.
     */
    private static void untilPoison(BlockingQueue<Long> queue, boolean batched, Handler handler)
            throws InterruptedException {
        if (!batched) {
            for (Long message; (message = queue.take()) != Messages.POISON; ) {
                handler.handle(message);
            }
            return;
        }
        List<Long> batch = new ArrayList<>(BATCH);
        while (true) {
            if (queue.drainTo(batch, BATCH) == 0) {
                batch.add(queue.take());
            }
            for (Long message : batch) {
                if (message == Messages.POISON) {
                    return;
                }
                handler.handle(message);
            }
            batch.clear();
        }
    }

    /** A Disruptor slot: the message, and what the step made of it. */
    private static final class StepEvent {
        /** Written by the publisher, read by the step handler. */
        Long value;
        /** Written by the step handler, read by the sum handler. */
        Long result;
    }

    private static final EventTranslatorOneArg<StepEvent, Long> PUBLISH =
            (event, sequence, value) -> event.value = value;

    /**
     * The LMAX Disruptor 4, the way its user guide chains handlers: a ring of 1024 preallocated
     * events, a single publisher (the calling thread) as the source, then a handler that writes
     * the step's result into the event, then, gated on it, a handler that adds the results up.
     * The run ends when the sum handler has seen the last sequence; then the processors are
     * halted and their threads joined. The publisher and each handler have a steady window,
     * the handlers' counted by sequence (from 0 in a fresh ring).
     */
    static Candidate disruptor(String name, Supplier<WaitStrategy> waitStrategy) {
        return Candidate.of(name, n -> {
            LibraryThreads threads = new LibraryThreads("s5-disruptor");
            Disruptor<StepEvent> disruptor = new Disruptor<>(StepEvent::new, Scenarios.CAPACITY, threads,
                    ProducerType.SINGLE, waitStrategy.get());
            long last = n - 1L;
            long[] total = new long[1]; // written by the sum handler; read after the latch
            CountDownLatch done = new CountDownLatch(1);
            Steady steady = new Steady();
            Steady.Window publisherWindow = steady.window(n, true);
            Steady.Window stepWindow = steady.window(n, false);
            Steady.Window sumWindow = steady.window(n, false);
            disruptor.handleEventsWith((StepEvent event, long sequence, boolean endOfBatch) -> {
                        event.result = Messages.step(event.value);
                        stepWindow.at((int) sequence + 1);
                    })
                    .then((StepEvent event, long sequence, boolean endOfBatch) -> {
                        total[0] += event.result;
                        sumWindow.at((int) sequence + 1);
                        if (sequence == last) {
                            done.countDown();
                        }
                    });
            RingBuffer<StepEvent> ring = disruptor.start();
            try {
                for (int i = 0; i < n; i++) {
                    ring.publishEvent(PUBLISH, Messages.get(i));
                    publisherWindow.at(i + 1);
                }
                done.await();
            } finally {
                disruptor.halt();
                threads.joinAll();
            }
            steady.publish();
            return total[0];
        });
    }

    /**
     * Reactor, the way its reference guide moves work between threads: {@code publishOn} a
     * single-thread scheduler before the step and another before the sum, each with a prefetch
     * of 1024 (its queue between the steps). The source is an iterable, which Reactor fuses into
     * the first {@code publishOn}: it is pulled on the step's thread, with no queue in between.
     * That is how Reactor runs this code, so it is kept, although it makes the source and the
     * step share a thread. Fresh schedulers per run, disposed and joined at its end. The step
     * and the sum have a steady window each; the source, on the step's thread, has none, which
     * would count that thread twice.
     */
    static Candidate reactor() {
        return Candidate.of("Reactor", n -> {
            LibraryThreads threads = new LibraryThreads("s5-reactor");
            Scheduler stepOn = Schedulers.newSingle(threads);
            Scheduler sumOn = Schedulers.newSingle(threads);
            long[] total = new long[1]; // written on sumOn; blockLast() orders it before the read
            Iterable<Long> source = () -> messages(n);
            Steady steady = new Steady();
            Steady.Window stepWindow = steady.window(n, true);
            Steady.Window sumWindow = steady.window(n, false);
            int[] moved = new int[2 * 16]; // [0] on stepOn's thread, [16] on sumOn's, lines apart
            try {
                Flux.fromIterable(source)
                        .publishOn(stepOn, Scenarios.CAPACITY)
                        .map(message -> {
                            stepWindow.at(++moved[0]);
                            return Messages.step(message);
                        })
                        .publishOn(sumOn, Scenarios.CAPACITY)
                        .doOnNext(value -> {
                            total[0] += value;
                            sumWindow.at(++moved[16]);
                        })
                        .blockLast();
            } finally {
                // Not disposeGracefully(): it waits on a pool of Reactor's own whose thread
                // outlives the run by 10 s. Joining the schedulers' threads is as certain.
                stepOn.dispose();
                sumOn.dispose();
                threads.joinAll();
            }
            steady.publish();
            return total[0];
        });
    }
}
