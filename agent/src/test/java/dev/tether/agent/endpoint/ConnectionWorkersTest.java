package dev.tether.agent.endpoint;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionWorkersTest {
    @Test
    void offer_allWorkersBusy_turnsTheTaskAwayUntilOneIsFree() throws Exception {
        ConnectionWorkers workers = new ConnectionWorkers("tether-test-worker", 2, 30);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothRunning = new CountDownLatch(2);
        Runnable blocking = () -> {
            bothRunning.countDown();
            await(release);
        };
        assertThat(workers.offer(blocking)).isTrue();
        assertThat(workers.offer(blocking)).isTrue();
        assertThat(bothRunning.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(workers.offer(() -> { })).as("a third while two are busy").isFalse();

        release.countDown();
        CountDownLatch ran = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!workers.offer(ran::countDown) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        workers.close();
    }

    @Test
    void offer_tasksOneAfterAnother_reuseAnIdleDaemonThread() throws Exception {
        ConnectionWorkers workers = new ConnectionWorkers("tether-test-worker", 4, 30);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            CountDownLatch done = new CountDownLatch(1);
            assertThat(workers.offer(() -> {
                threads.add(Thread.currentThread());
                done.countDown();
            })).isTrue();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(20); // let the worker go back to waiting for the next task
        }
        assertThat(threads).hasSize(5);
        assertThat(threads.stream().distinct().count()).as("one thread, reused").isEqualTo(1);
        assertThat(threads.get(0).isDaemon()).isTrue();
        assertThat(threads.get(0).getName()).startsWith("tether-test-worker-");
        workers.close();
    }

    @Test
    void offer_afterClose_isRefused() {
        ConnectionWorkers workers = new ConnectionWorkers("tether-test-worker", 1, 30);
        workers.close();
        assertThat(workers.offer(() -> { })).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
