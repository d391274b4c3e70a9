package fr.passerelle.cli;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on a terminal; silence when output goes to a file or a CI log. */
final class Progress implements AutoCloseable, LongConsumer {
    private final ProgressBar bar;

    Progress(String task, long total) {
        this.bar = System.console() == null
                ? null
                : new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" people", 1)
                        .build();
    }

    @Override
    public void accept(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
