package dev.statecraft.cli;

import java.io.PrintWriter;

/** A one-line textual progress bar, redrawn in place on stderr when the shown percentage changes. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private long done;
    private int shownPercent = -1;

    ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(total, 0);
        draw();
    }

    void advance(long steps) {
        done = Math.min(total, done + steps);
        draw();
    }

    void finish() {
        done = total;
        draw();
        err.println();
        err.flush();
    }

    private void draw() {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "% (" + done + "/" + total + ")");
        err.flush();
    }
}
