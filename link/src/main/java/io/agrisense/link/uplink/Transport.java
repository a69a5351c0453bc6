package io.agrisense.link.uplink;

/** A way to deliver telemetry packs upstream (MQTT or CoAP); the queue pump decides what to send when. */
public interface Transport extends AutoCloseable {

    /** Starts connecting (and reconnecting with back-off); the listener hears about the link's state. */
    void start(LinkListener listener);

    /** How many messages may await an acknowledgement at once on the current link. */
    int window();

    /** Sends one message; exactly one method of {@code callback} is called later, on any thread. */
    void send(UplinkMessage message, SendCallback callback);

    /** Stops: announces the station offline where the protocol allows, and disconnects. */
    @Override
    void close();

    interface LinkListener {
        void linkUp();

        void linkDown(String reason);
    }

    interface SendCallback {
        /** The receiver took the pack durably (PUBACK, 2.04). */
        void delivered();

        /** The receiver refused the pack as bad input: sending it again would fail again. */
        void rejected(String reason);

        /** The pack may not have arrived (link lost, timeout, server error): it will be sent again. */
        void failed(String reason);
    }
}
