package pneumatic.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The count of open handles of each end is an {@code int}. Before the check, the clone that made
 * it 2^31 wrapped it to {@code Integer.MIN_VALUE}: from then on {@code clone()} of an open handle
 * said "this Sender is closed", and {@code toString()} showed a negative count. Two billion live
 * handles need some 200 GB of heap, so the count is set by reflection to stand for them.
 */
class HandleCountTest {

    @Test
    void aSenderCloneAtTheLargestCountThrowsAndLeavesTheChannelWorking() throws Exception {
        Channel<String> channel = Channel.unbounded();
        Field senders = count("senders");
        Connection<?> connection = connectionOf(channel);
        senders.setInt(connection, Integer.MAX_VALUE); // stands for 2^31 - 1 open senders

        IllegalStateException full = assertThrows(IllegalStateException.class, () -> channel.sender().clone());
        assertTrue(full.getMessage().startsWith("2147483647 Sender handles of this channel are open"),
                full.getMessage());
        assertEquals(Integer.MAX_VALUE, senders.getInt(connection), "the count moved: " + channel);

        senders.setInt(connection, 1); // the one handle that really exists
        channel.sender().send("still works");
        assertEquals("still works", channel.receiver().recv());
        channel.sender().close();
        assertThrows(DisconnectedException.class, () -> channel.receiver().recv());
        channel.receiver().close();
    }

    @Test
    void aReceiverCloneAtTheLargestCountThrowsAndLeavesTheChannelWorking() throws Exception {
        Channel<String> channel = Channel.bounded(1);
        Field receivers = count("receivers");
        Connection<?> connection = connectionOf(channel);
        receivers.setInt(connection, Integer.MAX_VALUE);

        IllegalStateException full = assertThrows(IllegalStateException.class, () -> channel.receiver().clone());
        assertTrue(full.getMessage().startsWith("2147483647 Receiver handles of this channel are open"),
                full.getMessage());
        assertEquals(Integer.MAX_VALUE, receivers.getInt(connection), "the count moved: " + channel);

        receivers.setInt(connection, 1);
        channel.receiver().close();
        assertThrows(DisconnectedException.class, () -> channel.sender().send("nobody listens"));
        channel.sender().close();
    }

    private static Connection<?> connectionOf(Channel<?> channel) throws ReflectiveOperationException {
        Field field = Sender.class.getDeclaredField("connection");
        field.setAccessible(true);
        return (Connection<?>) field.get(channel.sender());
    }

    private static Field count(String name) throws NoSuchFieldException {
        Field field = Connection.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
