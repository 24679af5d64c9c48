/**
 * Channels: typed pipes between threads, modelled on Rust's {@code std::sync::mpsc}.
 *
 * <p>A channel has two ends. Threads put values in at the sending end ({@link
 * pneumatic.channel.Sender}) and take them out at the receiving end ({@link
 * pneumatic.channel.Receiver}). Each end can have several handles, and each handle is closed on
 * its own; when every handle of one end is closed, the other end finds out. That is all it takes
 * to end a stream: no poison pill, no flag, no interrupt.
 *
 * <h2>Hello world</h2>
 *
 * <pre>{@code
 * Channel<String> ch = Channel.unbounded();
 * Sender<String> tx = ch.sender();
 * Receiver<String> rx = ch.receiver();
 *
 * Thread producer = new Thread(() -> {
 *     try (tx) {
 *         tx.send("hello from " + Thread.currentThread().getName());
 *     } catch (InterruptedException e) {
 *         Thread.currentThread().interrupt();
 *     }
 * });
 * producer.start();
 * System.out.println(rx.recv());                // waits for the message
 * }</pre>
 *
 * <h2>Kinds of channels</h2>
 *
 * <ul>
 *   <li>{@link pneumatic.channel.Channel#unbounded()}: {@code send} never waits. Memory is the
 *       limit.</li>
 *   <li>{@link pneumatic.channel.Channel#bounded(int) bounded(n)}: holds at most {@code n}
 *       values. {@code send} waits while it is full, so a fast producer is held back to the pace
 *       of its consumer: backpressure.</li>
 *   <li>{@link pneumatic.channel.Channel#rendezvous()}, the same as {@code bounded(0)}: holds
 *       nothing. {@code send} waits until a receiver has taken the value, so when {@code send}
 *       returns, the value has been received.</li>
 * </ul>
 *
 * <h2>Sharing senders</h2>
 *
 * <p>{@link pneumatic.channel.Sender#clone()} makes another handle of the sending end; give one
 * to each producer and close the original, as Rust code calls {@code drop(tx)}. The receiver's
 * loop then ends exactly when the last producer is done:
 *
 * <pre>{@code
 * Channel<Integer> ch = Channel.unbounded();
 * Sender<Integer> tx = ch.sender();
 * for (int id = 0; id < 3; id++) {
 *     Sender<Integer> mine = tx.clone();
 *     int value = id;
 *     new Thread(() -> {
 *         try (mine) {
 *             mine.send(value);
 *         } catch (InterruptedException e) {
 *             Thread.currentThread().interrupt();
 *         }
 *     }).start();
 * }
 * tx.close();                                   // without this, the loop below never ends
 * for (int value : ch.receiver()) {
 *     System.out.println(value);                // 0, 1 and 2, in any order
 * }
 * }</pre>
 *
 * <p>{@link pneumatic.channel.Receiver#clone()} works the same way on the receiving end and makes
 * competing consumers: each value goes to exactly one receiver, whichever asks first.
 *
 * <h2>Disconnection</h2>
 *
 * <p>When the last sender is closed, receivers still get every value already buffered; after
 * that, {@code recv} throws {@link pneumatic.channel.DisconnectedException} and iteration ends.
 * When the last receiver is closed, the buffered values are dropped at once (nothing can receive
 * them any more, and they can be garbage-collected), and every sender, including one blocked in
 * {@code send}, gets {@code DisconnectedException}; the value it was sending was not delivered.
 * A disconnection wakes every thread blocked on the channel at once.
 *
 * <p>Two rules keep the API small: disconnection is always {@code DisconnectedException}, and
 * "not now" (full, empty, timed out) is always a return value ({@code false}, an empty
 * {@code Optional}). Closing a handle twice does nothing the second time; using a closed handle
 * throws {@link java.lang.IllegalStateException}; {@code null} values throw
 * {@link java.lang.NullPointerException}.
 *
 * <h2>Blocking and timeouts</h2>
 *
 * <table>
 *   <caption>How each operation waits</caption>
 *   <tr><th></th><th>never waits</th><th>waits up to a timeout</th><th>waits as long as needed</th></tr>
 *   <tr><td>send</td><td>{@code trySend(v)}: {@code false} if full</td>
 *       <td>{@code send(v, timeout)}: {@code false} on time-out</td><td>{@code send(v)}</td></tr>
 *   <tr><td>receive</td><td>{@code tryRecv()}: empty if nothing</td>
 *       <td>{@code recv(timeout)}: empty on time-out</td><td>{@code recv()}, iteration</td></tr>
 * </table>
 *
 * <p>A zero or negative timeout means one attempt without waiting. Blocking methods declare
 * {@link java.lang.InterruptedException}, as {@link java.util.concurrent.BlockingQueue} does, and
 * throw it when the thread is interrupted while it waits; an operation that completed anyway
 * (say, a rendezvous hand-off that won the race with the interrupt) returns normally and leaves
 * the interrupt status set, so an interrupt is never lost. A blocking call made while the
 * interrupt status is already set throws {@code InterruptedException} at once, before it does
 * anything, as {@code ArrayBlockingQueue.put} and {@code take} do: an interrupt asks the thread
 * to stop, whether or not the call would have had to wait. One exception, so that disconnection
 * always reads the same: a send on a channel whose receivers are all closed throws
 * {@link pneumatic.channel.DisconnectedException}, interrupted or not, and leaves the interrupt
 * status set. The non-blocking calls
 * ({@code trySend}, {@code tryRecv}, {@code drainTo}) ignore it. A waiting thread spins very
 * briefly, then yields its core some twenty times (microseconds), then parks with
 * {@link java.util.concurrent.locks.LockSupport}; nothing here uses {@code synchronized} or
 * {@code Object.wait}, so blocking works the same on virtual threads.
 *
 * <h2>Iteration</h2>
 *
 * <p>A {@link pneumatic.channel.Receiver} is {@link java.lang.Iterable}: {@code for (T x : rx)}
 * takes values as they come and ends when the channel is disconnected and drained (Rust's
 * {@code rx.iter()}); {@code rx.stream()} does the same as a {@link java.util.stream.Stream}. An
 * interrupt while the iterator waits re-sets the interrupt status and throws
 * {@link java.util.concurrent.CancellationException}, because ending the loop quietly would look
 * like the end of the stream.
 *
 * <h2>Memory consistency</h2>
 *
 * <p>Actions in a thread before {@code send(v)} <i>happen-before</i> the actions that follow the
 * {@code recv} (or {@code tryRecv}, or iteration step) that returns {@code v} in another thread.
 * A value sent needs no further synchronization to be read safely by its receiver.
 *
 * <h2>From Rust's mpsc</h2>
 *
 * <table>
 *   <caption>Rust's std::sync::mpsc and this package</caption>
 *   <tr><th>Rust</th><th>Pneumatic</th></tr>
 *   <tr><td>{@code mpsc::channel()}</td><td>{@code Channel.unbounded()}</td></tr>
 *   <tr><td>{@code mpsc::sync_channel(n)}</td><td>{@code Channel.bounded(n)}; {@code bounded(0)}
 *       is a rendezvous</td></tr>
 *   <tr><td>{@code tx.clone()}</td><td>{@code tx.clone()}</td></tr>
 *   <tr><td>{@code drop(tx)}, end of scope</td><td>{@code tx.close()}, try-with-resources</td></tr>
 *   <tr><td>{@code Err(SendError(v))}, {@code Err(RecvError)}</td>
 *       <td>{@code DisconnectedException}</td></tr>
 *   <tr><td>{@code Err(TrySendError::Full(v))}, {@code Err(TryRecvError::Empty)}</td>
 *       <td>{@code false}, {@code Optional.empty()}</td></tr>
 *   <tr><td>{@code recv_timeout(d)}</td><td>{@code recv(Duration)}</td></tr>
 *   <tr><td>{@code for x in rx.iter()}</td><td>{@code for (T x : rx)}</td></tr>
 *   <tr><td>{@code Receiver} is not {@code Clone} (crossbeam's is)</td>
 *       <td>{@code rx.clone()}: competing consumers, as in crossbeam</td></tr>
 * </table>
 *
 * <p>What Java cannot enforce, and the conventions that replace it:
 * <ul>
 *   <li><b>A sent value is moved.</b> In Rust the sender can no longer touch a value after
 *       {@code send}. In Java the sending thread still holds a reference. The convention: never
 *       read or change a value after sending it; send immutable values (records, strings,
 *       unmodifiable collections) or give up the reference for good. The happens-before
 *       guarantee covers what was written before {@code send}; a change made after it is a data
 *       race with the receiver.</li>
 *   <li><b>Handles are dropped by hand.</b> Rust drops a sender at the end of its scope; Java
 *       has no destructors, so close every handle you create, ideally with try-with-resources.
 *       A sender that is never closed keeps its receivers waiting until the garbage collector
 *       finds it unreachable: then a {@link java.lang.ref.Cleaner} closes it and reports the leak
 *       through the {@link java.lang.System.Logger} {@code pneumatic.channel} (a warning if a
 *       thread was blocked on the channel, a debug message otherwise). Run with
 *       {@code -Dpneumatic.channel.leaks=trace} to have each report say where the handle was
 *       created. The garbage collector may take its time, so this is a safety net, not a way to
 *       end a stream.</li>
 *   <li><b>The failed value is not handed back.</b> Rust's {@code SendError(v)} returns the value;
 *       Java exceptions cannot be generic, so {@code DisconnectedException} carries no value. The
 *       caller still holds it, since a failed send never took it.</li>
 * </ul>
 */
package pneumatic.channel;
