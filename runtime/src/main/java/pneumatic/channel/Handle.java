package pneumatic.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;

/**
 * The bookkeeping of one {@link Sender} or {@link Receiver} handle: whether it is closed, the one
 * count it holds on its channel's senders or receivers, and its registration with a
 * {@link Cleaner}, which is Java's stand-in for Rust's drop.
 *
 * <p>A handle that becomes unreachable without {@code close()} is closed by the cleaner, so that
 * the other end does not wait forever, and reported through the {@link System.Logger}
 * {@code pneumatic.channel}: at {@code WARNING} when a thread was blocked on the channel at that
 * moment (a leak that mattered: that thread was stuck until the garbage collector ran), at
 * {@code DEBUG} otherwise (typically a whole channel dropped with its handles). With the system
 * property {@code pneumatic.channel.leaks=trace}, the report includes the stack trace of the
 * handle's creation.
 *
 * <p>It is a separate object from the handle so that the cleaner's action can reach it without
 * reaching the handle: an action that referred to the handle would keep it reachable forever.
 */
final class Handle {

    private static final VarHandle CLOSED;

    private static final VarHandle CLEANER;

    /** The property that makes leak reports say where the leaked handle was created. */
    static final String TRACE_PROPERTY = "pneumatic.channel.leaks";

    private static final boolean TRACE = "trace".equals(System.getProperty(TRACE_PROPERTY));

    private static final System.Logger LOG = System.getLogger("pneumatic.channel");

    /** The name of the cleaner's thread. */
    static final String CLEANER_THREAD = "pneumatic-channel-cleaner";

    /**
     * The cleaner, created with the first handle: not in this class's initializer, since creating
     * it starts a thread, and an initializer that fails (no thread to be had at that moment)
     * would leave the class unusable for the rest of the JVM's life. Read through
     * {@link #cleaner()}, set through {@code CLEANER}.
     */
    private static volatile Cleaner cleaner;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CLOSED = lookup.findVarHandle(Handle.class, "closed", boolean.class);
            CLEANER = lookup.findStaticVarHandle(Handle.class, "cleaner", Cleaner.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Connection<?> connection;
    private final boolean sending;

    /** Where the handle was created, with {@code -Dpneumatic.channel.leaks=trace}; else null. */
    private final Throwable creation;

    /** Set once, by the first {@link #close()} or by the cleaner; that one gives the count back. */
    private volatile boolean closed;

    /** This handle's registration with the cleaner. */
    private final Cleaner.Cleanable cleanable;

    private Handle(Object owner, Connection<?> connection, boolean sending) {
        this.connection = connection;
        this.sending = sending;
        this.creation = TRACE ? new Throwable("the " + name() + " was created here") : null;
        this.cleanable = cleaner().register(owner, this::reclaim);
    }

    /**
     * The one cleaner of every handle. If starting its thread fails, this throws (an
     * {@code OutOfMemoryError}) and the next handle tries again. Two threads that both find none
     * both create one, and one of them is kept; the other has nothing registered, and its thread
     * ends once it is unreachable.
     *
     * <p>The cleaner's thread serves the whole JVM and never ends, so it belongs to none of the
     * application's threads, as the JDK's own cleaner thread does: it is a daemon, in the top
     * thread group rather than the group of whichever thread made the first handle, and has no
     * context class loader. Else a launcher that waits for its application's threads to end
     * ({@code mvn exec:java} waits 15 seconds for daemon threads too) would wait for this one,
     * and an application server's class loader would be kept alive by it.
     */
    private static Cleaner cleaner() {
        Cleaner existing = cleaner;
        if (existing != null) {
            return existing;
        }
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        ThreadGroup group = top;
        Cleaner created = Cleaner.create(action -> {
            Thread thread = new Thread(group, action, CLEANER_THREAD);
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        });
        Cleaner witness = (Cleaner) CLEANER.compareAndExchange(null, created);
        return witness == null ? created : witness;
    }

    /**
     * The bookkeeping of a new handle {@code owner}, for a count the caller has already taken on
     * {@code connection}: the cleaner closes it if {@code owner} becomes unreachable unclosed.
     */
    static Handle track(Object owner, Connection<?> connection, boolean sending) {
        return new Handle(owner, connection, sending);
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the handle once; returns {@code false} if it was already closed. */
    boolean close() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return false;
        }
        connection.release(sending);
        cleanable.clean(); // unregisters; reclaim() then finds the handle closed
        return true;
    }

    /** The cleaner's action: the handle became unreachable; close it if nobody did. */
    private void reclaim() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return; // closed properly
        }
        // Reported before the release, which wakes the blocked threads: one of them may end the
        // program, and this daemon thread with it, before a report logged after the release.
        // creation is null unless traced, which System.Logger takes as no throwable. A report
        // that fails (a broken log handler, or no memory for the message, likely just after a
        // collection) must not keep the count, and the other end, forever.
        try {
            boolean someoneWaits = connection.flavor().hasWaiters();
            String message = Messages.leaked(name(), connection.toStringAfterRelease(sending), someoneWaits,
                    creation == null ? TRACE_PROPERTY : null);
            LOG.log(someoneWaits ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, message, creation);
        } finally {
            connection.release(sending);
        }
    }

    /** {@code Sender of a bounded(4) channel}, {@code Receiver of an unbounded channel}. */
    private String name() {
        String kind = connection.kind();
        return (sending ? "Sender" : "Receiver") + (kind.startsWith("u") ? " of an " : " of a ") + kind + " channel";
    }
}
