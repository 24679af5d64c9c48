package pneumatic.bench;

import pneumatic.channel.Channel;
import pneumatic.channel.DisconnectedException;
import pneumatic.channel.Receiver;
import pneumatic.channel.Sender;

/** Pneumatic's channel: a cloned handle per thread, the originals dropped, no end marker. */
public final class ChannelTransport implements Transport {

    private final Channel<Long> channel;

    public ChannelTransport(Channel<Long> channel) {
        this.channel = channel;
    }

    @Override
    public Producer producer() {
        Sender<Long> sender = channel.sender().clone();
        return new Producer() {
            @Override
            public void send(Long message) throws InterruptedException {
                sender.send(message);
            }

            @Override
            public void done() {
                sender.close();
            }
        };
    }

    @Override
    public Consumer consumer() {
        Receiver<Long> receiver = channel.receiver().clone();
        return () -> {
            try {
                return receiver.recv();
            } catch (DisconnectedException end) {
                receiver.close();
                return null;
            }
        };
    }

    @Override
    public void wired() {
        channel.sender().close();
        channel.receiver().close();
    }
}
