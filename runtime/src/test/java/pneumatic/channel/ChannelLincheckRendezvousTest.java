package pneumatic.channel;

/**
 * Lincheck checks of {@link Channel#rendezvous()} ({@link ZeroFlavor}) against {@link
 * ChannelModel.Rendezvous}, in which a send and the receive that takes its value take effect
 * together.
 */
public class ChannelLincheckRendezvousTest extends ChannelLincheckContract {

    public ChannelLincheckRendezvousTest() {
        super(Channel.rendezvous());
    }

    @Override
    Class<? extends ChannelModel> model() {
        return ChannelModel.Rendezvous.class;
    }
}
