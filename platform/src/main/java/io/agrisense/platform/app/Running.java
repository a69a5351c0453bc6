package io.agrisense.platform.app;

import java.util.concurrent.CountDownLatch;

/** Keeps a command alive until Ctrl-C (SIGINT/SIGTERM), then runs the orderly stop once. */
public final class Running {

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static Running until(Runnable stop) {
        Running r = new Running();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } finally {
                r.stopped.countDown();
            }
        }, "agri-shutdown"));
        return r;
    }

    public void await() throws InterruptedException {
        stopped.await();
    }
}
