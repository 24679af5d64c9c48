package pneumatic.channel;

/**
 * Lincheck checks of {@link Channel#unbounded()} ({@link LinkedFlavor}) at the end of a block:
 * each scenario starts on an empty channel that has already moved {@value #BEFORE} values, so its
 * first sends take the last slots of the second block and one of them moves on to the next
 * block. That is the step a disconnection may race with (a sender moves the tail past the
 * block's end while the last receiver closes), which the scenarios of {@code
 * ChannelLincheckUnboundedTest}, far too short to fill a block, never reach.
 *
 * <p>The first block is used up before the scenario, so that the pool of drained blocks exists
 * by then: Lincheck would take the loop that creates it for a thread that spins forever.
 */
public class ChannelLincheckUnboundedBlockEndTest extends ChannelLincheckContract {

    /** Values sent and received before a scenario: a block of 255 slots, then all but 2 of the next. */
    static final int BEFORE = 255 + 253;

    public ChannelLincheckUnboundedBlockEndTest() {
        super(emptyNearTheEndOfABlock());
    }

    private static Channel<Integer> emptyNearTheEndOfABlock() {
        Channel<Integer> channel = Channel.unbounded();
        for (int i = 0; i < BEFORE; i++) {
            channel.sender().trySend(-1);
            channel.receiver().tryRecv();
        }
        return channel;
    }

    @Override
    Class<? extends ChannelModel> model() {
        return ChannelLincheckUnboundedTest.Model.class;
    }
}
