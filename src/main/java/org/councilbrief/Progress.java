package org.councilbrief;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The progress of long work (an import of many files or rows, a model learnt, a site published), counted by the work
 * and, on the command line when stderr is a terminal, drawn there as one line redrawn in place: the label, a bar,
 * done / total, the percentage, the rate and the time left estimated from the rate so far (smoothed); at the end, a
 * line with the time it took. Nothing is drawn when stderr is not a terminal, nor during the first half second (short
 * work shows nothing), and at most ten times a second; stdout is never written. Decision 0046.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("Importing", files.size())) {
 *     for (Path f : files) { … p.advance(1); }
 * }
 * }</pre>
 *
 * A total below zero is unknown: the line then shows the count, the rate and the time so far. {@link #stage} goes on
 * with another part of the same work (the line of the part done stays). A service that is given a Progress only
 * counts; {@link #none()} counts and draws nothing, and the web reads {@link #label}, {@link #done}, {@link #total} of
 * a {@link #quiet} one. Safe to advance from several threads.
 */
public final class Progress implements AutoCloseable {
    /** The system property the launcher sets to {@value #TERMINAL} when stderr is a terminal ({@code [ -t 2 ]}). */
    public static final String STDERR_PROPERTY = "councilbrief.stderr";
    public static final String TERMINAL = "terminal";
    /** Nothing is drawn before this (short work shows nothing), nor more often than this. */
    static final long FIRST_DRAW = 500_000_000L;
    static final long REDRAW = 100_000_000L;
    /**
     * The rate is smoothed over some seconds: a measure over {@code dt} seconds counts {@code 1 - exp(-dt / this)}
     * against the rate so far, so that ten redraws a second do not make the time left jump.
     */
    private static final double SMOOTHING_SECONDS = 3;
    private static final int BAR = 24;

    /**
     * Where and how a bar is drawn.
     *
     * @param writer stderr (nothing is written to it unless {@code terminal})
     * @param terminal whether the writer is a terminal, where a line can be redrawn in place
     * @param width the terminal's width in columns; the line never fills the last one (which would wrap)
     * @param nanos the clock, in nanoseconds ({@link System#nanoTime})
     */
    public record Output(Writer writer, boolean terminal, int width, LongSupplier nanos) {
        /** The process's stderr, as the launcher found it, {@code COLUMNS} wide (80 when unknown). */
        public static Output stderr() {
            return stderr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        }

        /** {@code err} (a command's stderr writer), a terminal when the launcher found stderr to be one. */
        public static Output stderr(Writer err) {
            return new Output(err, stderrIsTerminal(), columns(System.getenv("COLUMNS")), System::nanoTime);
        }
    }

    private final Output output;
    private final AtomicLong done = new AtomicLong();
    private volatile String label;
    private volatile long total;
    private long started;
    private volatile long nextDraw;
    private long lastTime;
    private long lastDone;
    private double rate;
    /** The length of the line on the terminal now (0: none drawn, or it was ended). */
    private int drawn;
    private boolean closed;

    private Progress(String label, long total, Output output) {
        this.output = output;
        this.label = label;
        this.total = total;
        begin();
    }

    /** Counts and draws nothing. */
    public static Progress none() {
        return quiet("", -1);
    }

    /** Counts and draws nothing; what a page that shows the progress of work in the server reads. */
    public static Progress quiet(String label, long total) {
        return new Progress(label, total, null);
    }

    /** Work of {@code total} steps (below zero: unknown), drawn on the process's stderr if it is a terminal. */
    public static Progress start(String label, long total) {
        return start(label, total, Output.stderr());
    }

    /** Work of {@code total} steps (below zero: unknown), drawn on {@code err} if stderr is a terminal. */
    public static Progress start(String label, long total, Writer err) {
        return start(label, total, Output.stderr(err));
    }

    public static Progress start(String label, long total, Output output) {
        return new Progress(label, total, output.terminal() ? output : null);
    }

    /**
     * Whether stderr is a terminal: the launcher says so ({@value #STDERR_PROPERTY}={@value #TERMINAL}), for Java
     * cannot tell of stderr; unknown is not. A terminal that cannot redraw a line ({@code TERM=dumb}) is not.
     */
    public static boolean stderrIsTerminal() {
        return TERMINAL.equals(System.getProperty(STDERR_PROPERTY)) && !"dumb".equals(System.getenv("TERM"));
    }

    static int columns(String value) {
        try {
            int columns = value == null ? 80 : Integer.parseInt(value.strip());
            return columns >= 20 && columns <= 1000 ? columns : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /** Whether this draws anything (stderr is a terminal). */
    public boolean shown() {
        return output != null;
    }

    public String label() {
        return label;
    }

    public long done() {
        return done.get();
    }

    /** The number of steps, or below zero when unknown. */
    public long total() {
        return total;
    }

    /** {@code steps} more are done. */
    public void advance(long steps) {
        long now = done.addAndGet(steps);
        if (output != null && output.nanos().getAsLong() >= nextDraw) {
            synchronized (this) {
                long time = output.nanos().getAsLong();
                if (!closed && time >= nextDraw) {
                    draw(line(now, time, false));
                    nextDraw = time + REDRAW;
                }
            }
        }
    }

    /** The work goes on with another part: the line of the part done is ended (if drawn), the counts start again. */
    public void stage(String label, long total) {
        synchronized (this) {
            end();
            this.label = label;
            this.total = total;
            done.set(0);
            begin();
        }
    }

    /** A line of text for stderr: written above the bar, which is drawn again under it. */
    public void message(Writer err, String text) {
        synchronized (this) {
            clear();
            write(err, text + System.lineSeparator());
            if (output != null && output.nanos().getAsLong() - started >= FIRST_DRAW && !closed) {
                draw(line(done.get(), output.nanos().getAsLong(), false));
            }
        }
    }

    /** Removes the bar from its line, so that other output starts there; the next step draws it again. */
    public void clear() {
        synchronized (this) {
            if (drawn > 0) {
                write(output.writer(), "\r" + " ".repeat(drawn) + "\r");
                drawn = 0;
                nextDraw = 0;
            }
        }
    }

    /** Ends the work: the last line, with the time it took, if a bar was drawn. */
    @Override
    public void close() {
        synchronized (this) {
            if (!closed) {
                end();
                closed = true;
            }
        }
    }

    private void begin() {
        if (output != null) {
            started = output.nanos().getAsLong();
            lastTime = started;
            lastDone = 0;
            rate = 0;
            nextDraw = started + FIRST_DRAW;
        }
    }

    private void end() {
        if (drawn > 0) {
            draw(line(done.get(), output.nanos().getAsLong(), true));
            write(output.writer(), System.lineSeparator());
            drawn = 0;
        }
    }

    private void draw(String line) {
        String clipped = line.length() < output.width() ? line : line.substring(0, output.width() - 1);
        write(output.writer(), "\r" + clipped + " ".repeat(Math.max(0, drawn - clipped.length())));
        drawn = clipped.length();
    }

    private static void write(Writer writer, String text) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(text);
            writer.flush();
        } catch (java.io.IOException e) {
            // stderr gone: the work goes on without its progress
        }
    }

    /** The line as drawn at {@code time}: the rate is measured and smoothed here. */
    String line(long count, long time, boolean last) {
        double elapsed = (time - started) / 1e9;
        if (time > lastTime) {
            double seconds = (time - lastTime) / 1e9;
            double weight = 1 - Math.exp(-seconds / SMOOTHING_SECONDS);
            double measured = (count - lastDone) / seconds;
            rate = rate == 0 ? count / Math.max(elapsed, 1e-9) : weight * measured + (1 - weight) * rate;
            lastTime = time;
            lastDone = count;
        }
        long all = total;
        StringBuilder b = new StringBuilder(label);
        if (all >= 0) {
            double part = all == 0 ? 1 : Math.min(1, (double) count / all);
            int full = (int) Math.round(part * BAR);
            b.append(" [").append("#".repeat(full)).append(".".repeat(BAR - full)).append("] ")
                    .append(number(count)).append('/').append(number(all))
                    .append(String.format(Locale.ROOT, " %3d%%", (int) Math.floor(part * 100)));
        } else {
            b.append(' ').append(number(count));
        }
        if (last) {
            return b.append(" in ").append(duration(elapsed)).toString();
        }
        if (rate > 0) {
            b.append(rate < 10 ? String.format(Locale.ROOT, " %.1f/s", rate) : " " + number(Math.round(rate)) + "/s");
        }
        if (all >= 0 && rate > 0 && count < all) {
            b.append(", ").append(duration((all - count) / rate)).append(" left");
        } else if (all < 0) {
            b.append(", ").append(duration(elapsed));
        }
        return b.toString();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 0:07, 12:30, 1:02:03. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
