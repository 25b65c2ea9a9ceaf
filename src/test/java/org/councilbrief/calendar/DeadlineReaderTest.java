package org.councilbrief.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.councilbrief.document.ParagraphRef;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParagraph;
import org.councilbrief.document.ResolutionParser;
import org.councilbrief.document.SourceTexts;
import org.junit.jupiter.api.Test;

/**
 * Deadlines read from operative paragraphs of real resolutions: every line of the set the rules were written from
 * is read right; on the held-out set, precision and recall are measured (docs/quality.md) and held above a floor.
 */
class DeadlineReaderTest {
    /** One line of a set: a paragraph and what should be read from it. */
    record Line(String symbol, LocalDate adopted, String paragraph, String text, List<String> expected) {
    }

    /** Counts over a set: deadlines found, expected, and found that were expected. */
    record Score(int found, int expected, int right, List<String> misses) {
        double precision() {
            return found == 0 ? 1 : (double) right / found;
        }

        double recall() {
            return expected == 0 ? 1 : (double) right / expected;
        }
    }

    static List<Line> lines(String name) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = DeadlineReaderTest.class.getResourceAsStream(name)) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] f = row.split("\t");
                lines.add(new Line(f[0], LocalDate.parse(f[1]), f[2], f[3], f[4].equals("none") ? List.of()
                        : List.of(f[4].split(" \\| "))));
            }
        }
        return lines;
    }

    static boolean matches(Deadline d, String expected) {
        String[] e = expected.split(" ", 3);
        return d.date().equals(LocalDate.parse(e[0])) && d.kind().equals(e[1])
                && d.subject().toLowerCase(Locale.ROOT).contains(e[2].toLowerCase(Locale.ROOT));
    }

    static Score score(List<Line> lines) {
        int found = 0;
        int expected = 0;
        int right = 0;
        List<String> misses = new ArrayList<>();
        for (Line line : lines) {
            List<Deadline> read = DeadlineReader.read(line.symbol(), line.paragraph(), line.text(), line.adopted());
            found += read.size();
            expected += line.expected().size();
            for (String e : line.expected()) {
                if (read.stream().anyMatch(d -> matches(d, e))) {
                    right++;
                } else {
                    misses.add(line.symbol() + " " + line.paragraph() + ": expected " + e + ", read " + read);
                }
            }
            read.stream().filter(d -> line.expected().stream().noneMatch(e -> matches(d, e)))
                    .forEach(d -> misses.add(line.symbol() + " " + line.paragraph() + ": not expected " + d));
        }
        return new Score(found, expected, right, misses);
    }

    @Test
    void readsEveryLineOfTheSetItsRulesWereWrittenFrom() throws IOException {
        Score score = score(lines("deadlines-dev.tsv"));
        assertThat(score.misses()).isEmpty();
        assertThat(score.expected()).isGreaterThan(5);
    }

    @Test
    void readsTheHeldOutSetWellEnough() throws IOException {
        Score score = score(lines("deadlines-held-out.tsv"));
        System.out.printf(Locale.ROOT, "held-out deadlines: found %d, expected %d, right %d, precision %.2f, recall"
                + " %.2f%n", score.found(), score.expected(), score.right(), score.precision(), score.recall());
        score.misses().forEach(m -> System.out.println("  " + m));
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.8);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void saysWhoseMandateAndWhereItWasRead() {
        List<Deadline> read = DeadlineReader.read("S/RES/2640 (2022)", "OP1",
                "Decides to extend the mandate of MINUSMA until 30 June 2023;", LocalDate.of(2022, 6, 29));
        assertThat(read).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo(LocalDate.of(2023, 6, 30));
            assertThat(d.subject()).isEqualTo("the mandate of MINUSMA");
            assertThat(d.source()).isEqualTo("S/RES/2640 (2022), OP1");
            assertThat(d.what()).isEqualTo("The mandate of MINUSMA ends unless renewed");
            assertThat(d.evidence()).isEqualTo("until 30 June 2023");
        });
    }

    @Test
    void countsAPeriodFromADayInTheTextOrNotAtAllWithoutTheAdoption() {
        assertThat(DeadlineReader.read("S/RES/1 (2024)", "OP2", "Decides to renew the measures imposed by paragraph"
                + " 1 of resolution 2127 (2013) for a period of twelve months starting on 1 February 2024;", null))
                .singleElement().satisfies(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2025, 1, 31)));
        assertThat(DeadlineReader.read("S/RES/2374 (2017)", "OP1", "Decides that, for an initial period of one year"
                + " from the date of adoption of this resolution, all Member States shall freeze without delay all"
                + " funds;", null)).isEmpty();
    }

    @Test
    void readsTheAdoptionFromTheHeaderAndSubParagraphsAfterTheirOpening() throws Exception {
        String text = """
                Resolution 2590 (2021)
                Adopted by the Security Council at its 8846th meeting, on 30 August 2021

                     The Security Council,
                     Recalling its previous resolutions,
                     1.   Decides to renew until 31 August 2022:
                     (a)  the measures set out in paragraphs 1 to 7 of resolution 2374 (2017);
                     2.   Requests the Secretary-General to report;
                """;
        Resolution r = ResolutionParser.parse(SourceTexts.of("S_RES_2590.txt", text), "S/RES/2590 (2021)");
        assertThat(r.adopted()).isEqualTo(LocalDate.of(2021, 8, 30));
        assertThat(DeadlineReader.read(r)).singleElement().satisfies(d -> {
            assertThat(d.paragraph()).isEqualTo("OP1(a)");
            assertThat(d.kind()).isEqualTo("sanctions");
            assertThat(d.date()).isEqualTo(LocalDate.of(2022, 8, 31));
        });
        assertThat(DeadlineReader.read(new Resolution("S/RES/9 (2020)", null, List.of(new ResolutionParagraph(
                ParagraphRef.Kind.PP, 1, "", "Recalling its decision to extend the mandate until 1 May 2020,")))))
                .isEmpty();
    }
}
