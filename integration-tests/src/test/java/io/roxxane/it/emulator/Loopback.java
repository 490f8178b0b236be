package io.roxxane.it.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a host name is a loopback address: the integration tests reach no other. */
final class Loopback {
    private Loopback() {
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
