package dev.statecraft.bench.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A window counts a command's latency and its events together, whatever the threads recording while it opens and closes. */
class MeasuredWindowTest {
    @Test
    void every_window_counts_each_command_with_its_events_while_threads_record_across_its_opening_and_closing() throws Exception {
        MeasuredWindow window = new MeasuredWindow(new WriterBatches());
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> recorders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            recorders.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    window.record(1_000, 2);
                }
            }));
        }
        try {
            for (int i = 0; i < 200; i++) {
                window.open();
                MeasuredWindow.Result result = window.close();
                assertThat(result.events()).as("window %d: two events a command", i).isEqualTo(2 * result.commands());
            }
        } finally {
            stop.set(true);
            for (Thread recorder : recorders) {
                recorder.join();
            }
        }
    }
}
