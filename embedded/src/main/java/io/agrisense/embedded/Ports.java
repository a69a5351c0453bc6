package io.agrisense.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks for servers that cannot bind port 0 and report it back (the embedded HiveMQ). */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on loopback", e);
        }
    }

    /** Whether a TCP port can be bound on the given address right now. */
    public static boolean isAvailable(String bindAddress, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
