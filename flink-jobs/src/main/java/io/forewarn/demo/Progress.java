package io.forewarn.demo;

import java.io.PrintStream;
import java.util.Locale;

/** Prints long steps as "Starting X ... done (3.2 s)" so users see what the demo is waiting for. */
public final class Progress {

    private final PrintStream out;

    public Progress(PrintStream out) {
        this.out = out;
    }

    /** Starts a step; close it when done (or call {@link Step#fail} first). */
    public Step step(String description) {
        out.print(description + " ... ");
        out.flush();
        return new Step(System.nanoTime());
    }

    public void line(String text) {
        out.println(text);
    }

    /** One step in progress. */
    public final class Step implements AutoCloseable {
        private final long started;
        private boolean finished;

        private Step(long started) {
            this.started = started;
        }

        /** Ends the step with a detail instead of "done". */
        public void done(String detail) {
            finish(detail);
        }

        public void fail(String reason) {
            finish("FAILED: " + reason);
        }

        @Override
        public void close() {
            finish("done");
        }

        private void finish(String word) {
            if (finished) {
                return;
            }
            finished = true;
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(String.format(Locale.ROOT, "%s (%.1f s)", word, seconds));
        }
    }
}
