package io.agrisense.link.systemd;

import info.faljse.SDNotify.SDNotify;

/** Sends through SDNotify (JNA: socket(AF_UNIX, SOCK_DGRAM) to {@code NOTIFY_SOCKET}). */
final class SdNotifySender implements SystemdNotifier.Sender {

    @Override
    public void send(String message) {
        SDNotify.sendRaw(message);
    }
}
