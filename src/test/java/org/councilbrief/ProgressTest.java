package org.councilbrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The progress line, drawn on a fake terminal with a fake clock. */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final StringWriter written = new StringWriter();
    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);

    private Progress.Output terminal(int width) {
        return new Progress.Output(written, true, width, clock::get);
    }

    private void sleep(double seconds) {
        clock.addAndGet((long) (seconds * SECOND));
    }

    /** Each state of the line, as a person sees it after each carriage return. */
    private List<String> frames() {
        return Arrays.stream(written.toString().split("\r")).filter(f -> !f.isEmpty()).map(String::stripTrailing)
                .toList();
    }

    /** The lines written (a carriage return does not end one). */
    private List<String> lines() {
        return List.of(written.toString().split("\n"));
    }

    @Test
    void showsCountsPercentRateAndTimeLeftThenTheTimeItTook() {
        try (Progress p = Progress.start("Importing", 400, terminal(100))) {
            sleep(1);
            p.advance(100); // 100 steps in 1 s
            assertThat(frames()).containsExactly(
                    "Importing [######..................] 100/400  25% 100/s, 0:03 left");
            sleep(1);
            p.advance(100);
            sleep(2);
            p.advance(200);
        }
        List<String> frames = frames();
        assertThat(frames.get(1)).startsWith("Importing [############............] 200/400  50% 100/s, 0:02 left");
        assertThat(frames.getLast()).isEqualTo("Importing [########################] 400/400 100% in 0:04");
        assertThat(written.toString()).endsWith(System.lineSeparator()).doesNotContain("\n\r");
        assertThat(lines()).hasSize(1);
    }

    @Test
    void theTimeLeftFollowsTheRateSmoothed() {
        try (Progress p = Progress.start("Learning", 1_000, terminal(100))) {
            sleep(1);
            p.advance(100); // 100/s
            sleep(1);
            p.advance(10); // slows down to 10/s: the estimate moves towards it, not all the way at once
            assertThat(frames().getLast()).isEqualTo(
                    "Learning [###.....................] 110/1,000  11% 74/s, 0:12 left");
        }
    }

    @Test
    void drawsNothingInTheFirstHalfSecondNorMoreThanTenTimesASecond() {
        try (Progress p = Progress.start("Rows", 10_000, terminal(100))) {
            for (int i = 0; i < 40; i++) {
                p.advance(1);
                sleep(0.01); // 0.4 s in all
            }
            assertThat(written.toString()).isEmpty();
            for (int i = 0; i < 1000; i++) {
                p.advance(1);
                sleep(0.001); // 1 s more
            }
            assertThat(frames()).hasSizeBetween(9, 11);
        }
    }

    @Test
    void shortWorkLeavesNoLine() {
        try (Progress p = Progress.start("Pages", 10, terminal(80))) {
            p.advance(10);
            sleep(0.2);
        }
        assertThat(written.toString()).isEmpty();
    }

    @Test
    void anUnknownTotalShowsTheCountRateAndTimeSoFar() {
        try (Progress p = Progress.start("Reading", -1, terminal(80))) {
            sleep(2);
            p.advance(5);
            assertThat(frames()).containsExactly("Reading 5 2.5/s, 0:02");
            sleep(1);
            p.advance(1_995);
        }
        assertThat(frames().getLast()).isEqualTo("Reading 2,000 in 0:03");
    }

    @Test
    void neverMoreThanOneLineOfTheTerminal() {
        try (Progress p = Progress.start("A very long label ".repeat(5), 1_000_000, terminal(40))) {
            sleep(1);
            p.advance(1);
        }
        assertThat(frames()).allSatisfy(f -> assertThat(f.length()).isLessThan(40));
        // A shorter line drawn over a longer one covers it whole.
        StringWriter w = new StringWriter();
        try (Progress p = Progress.start("Rows", 2_000_000, new Progress.Output(w, true, 80, clock::get))) {
            sleep(1);
            p.advance(1_000_000);
            sleep(1);
            p.advance(1_000_000); // done: no more time left shown
            String[] frames = w.toString().split("\r");
            assertThat(frames[2].strip().length()).isLessThan(frames[1].length());
            assertThat(frames[2].length()).isEqualTo(frames[1].length());
        }
    }

    @Test
    void stagesEndTheirLineAndCountAgain() {
        try (Progress p = Progress.start("Embedding", 10, terminal(100))) {
            sleep(1);
            p.advance(10);
            p.stage("Combining", 3);
            assertThat(p.done()).isZero();
            assertThat(p.label()).isEqualTo("Combining");
            sleep(1);
            p.advance(3);
        }
        assertThat(lines().stream().map(l -> l.substring(l.lastIndexOf('\r') + 1).stripTrailing()))
                .containsExactly("Embedding [########################] 10/10 100% in 0:01",
                        "Combining [########################] 3/3 100% in 0:01");
    }

    @Test
    void aMessageIsWrittenAboveTheBar() {
        try (Progress p = Progress.start("Files", 2, terminal(80))) {
            sleep(1);
            p.advance(1);
            p.message(written, "councilbrief: imported a.csv");
            sleep(1);
            p.advance(1);
        }
        List<String> lines = lines().stream().map(String::stripTrailing).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith("\rcouncilbrief: imported a.csv");
        assertThat(lines.get(1)).endsWith("Files [########################] 2/2 100% in 0:02");
    }

    @Test
    void nothingIsWrittenWhereStderrIsNotATerminal() {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start("Files", 2, new Progress.Output(err, false, 80, clock::get))) {
            sleep(5);
            p.advance(1);
            p.message(err, "councilbrief: imported a.csv");
            sleep(5);
            p.advance(1);
            assertThat(p.shown()).isFalse();
            assertThat(p.done()).isEqualTo(2);
        }
        assertThat(err.toString()).isEqualTo("councilbrief: imported a.csv" + System.lineSeparator());
    }

    @Test
    void countsFromManyThreads() {
        try (Progress p = Progress.start("Rows", 100_000, terminal(80))) {
            IntStream.range(0, 100_000).parallel().forEach(i -> {
                p.advance(1);
                clock.addAndGet(10_000);
            });
            assertThat(p.done()).isEqualTo(100_000);
        }
        assertThat(frames().getLast()).startsWith("Rows [########################] 100,000/100,000 100% in");
    }

    @Test
    void theTerminalIsWhatTheLauncherSaysAndItsWidthComesFromColumns() {
        String before = System.getProperty(Progress.STDERR_PROPERTY);
        try {
            System.clearProperty(Progress.STDERR_PROPERTY);
            assertThat(Progress.Output.stderr(new StringWriter()).terminal()).isFalse();
            System.setProperty(Progress.STDERR_PROPERTY, Progress.TERMINAL);
            assertThat(Progress.Output.stderr(new StringWriter()).terminal())
                    .isEqualTo(!"dumb".equals(System.getenv("TERM")));
        } finally {
            if (before == null) {
                System.clearProperty(Progress.STDERR_PROPERTY);
            } else {
                System.setProperty(Progress.STDERR_PROPERTY, before);
            }
        }
        assertThat(Progress.columns("132")).isEqualTo(132);
        assertThat(Progress.columns(null)).isEqualTo(80);
        assertThat(Progress.columns("wide")).isEqualTo(80);
        assertThat(Progress.duration(3723)).isEqualTo("1:02:03");
        assertThat(Progress.duration(59.6)).isEqualTo("1:00");
    }
}
