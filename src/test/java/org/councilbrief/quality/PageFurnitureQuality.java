package org.councilbrief.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.councilbrief.SharedData;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.document.TestPdfs;
import org.councilbrief.statement.Speech;
import org.councilbrief.statement.SpeechSplitter;

/**
 * How well running headers and footers are kept out of speeches: each 2020 record of ../shared/data/council-speeches
 * is laid out in each {@link PrintedRecord.Style}, as text or as a PDF made from that text, and split into speeches;
 * each speech is compared with the same speech split from the record as given (one speech per paragraph, which the
 * splitter reads without a miss, see {@link SpeechSplitQuality}).
 * <ul>
 * <li><b>Exactly right</b>: same label, same state and the same text, word for word.</li>
 * <li><b>With page furniture</b>: the speech holds a header or footer line the layout wrote (more often than the
 * speech as given does); <b>ending with</b> it: the speech's last words are such a line.</li>
 * </ul>
 */
public final class PageFurnitureQuality {
    private static final DateTimeFormatter MANIFEST_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public record Score(PrintedRecord.Style style, boolean pdf, int meetings, int speeches, int right,
            int withFurniture, int endingWithFurniture, List<String> misses) {
        public double rightRate() {
            return (double) right / speeches;
        }

        public double furnitureRate() {
            return (double) withFurniture / speeches;
        }

        public double endingRate() {
            return (double) endingWithFurniture / speeches;
        }
    }

    private record Source(String file, PrintedRecord.Meeting meeting, String text) {
    }

    private PageFurnitureQuality() {
    }

    /** Measures one style over every meeting of the data. */
    public static Score measure(PrintedRecord.Style style, boolean pdf) {
        return measure(style, pdf, file -> true);
    }

    /** Measures one style over the meetings whose file ({@code SPV.8703.txt}) is chosen. */
    public static Score measure(PrintedRecord.Style style, boolean pdf, Predicate<String> chosen) {
        SpeechSplitter splitter = new SpeechSplitter();
        int meetings = 0;
        int total = 0;
        int right = 0;
        int furniture = 0;
        int ending = 0;
        List<String> misses = new ArrayList<>();
        for (Source source : sources().stream().filter(s -> chosen.test(s.file())).toList()) {
            meetings++;
            PrintedRecord.Laid laid = PrintedRecord.layout(style, source.text(), source.meeting());
            List<Speech> expected = split(splitter, SourceTexts.of(source.file(), source.text()));
            List<Speech> found;
            try {
                SourceText printed = pdf ? SourceTexts.of(source.file() + ".pdf", TestPdfs.fromPages(laid.text()))
                        : SourceTexts.of(source.file(), laid.text());
                found = split(splitter, printed);
            } catch (Exception e) {
                found = List.of();
            }
            List<String> lines = laid.furniture().stream().map(PageFurnitureQuality::norm)
                    .filter(l -> !l.isEmpty()).toList();
            for (int i = 0; i < expected.size(); i++) {
                total++;
                Speech want = expected.get(i);
                if (i >= found.size()) {
                    misses.add(source.file() + " #" + (i + 1) + " not found");
                    continue;
                }
                Speech got = found.get(i);
                String wantText = norm(want.text());
                String gotText = norm(got.text());
                boolean carries = false;
                boolean ends = false;
                for (String line : lines) {
                    if (count(gotText, line) > count(wantText, line)) {
                        carries = true;
                        ends |= gotText.endsWith(line) && !wantText.endsWith(line);
                    }
                }
                furniture += carries ? 1 : 0;
                ending += ends ? 1 : 0;
                if (want.label().equals(got.label()) && Objects.equals(want.countryCode(), got.countryCode())
                        && wantText.equals(gotText)) {
                    right++;
                } else {
                    int at = 0;
                    while (at < gotText.length() && at < wantText.length() && gotText.charAt(at) == wantText.charAt(at)) {
                        at++;
                    }
                    misses.add(source.file() + " #" + (i + 1) + " " + got.label() + " | …"
                            + around(gotText, at) + " | want …" + around(wantText, at));
                }
            }
        }
        return new Score(style, pdf, meetings, total, right, furniture, ending, misses);
    }

    private static List<Speech> split(SpeechSplitter splitter, SourceText text) {
        try {
            return splitter.split(text, null);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static String norm(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 50), Math.min(text.length(), at + 60));
    }

    private static int count(String text, String line) {
        int n = 0;
        for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + line.length())) {
            n++;
        }
        return n;
    }

    private static List<Source> cached;

    private static synchronized List<Source> sources() {
        if (cached != null) {
            return cached;
        }
        Path root = SharedData.root().resolve("data/council-speeches");
        List<Source> sources = new ArrayList<>();
        try {
            int n = 0;
            for (String row : Files.readAllLines(root.resolve("manifest.tsv")).subList(1, 26)) {
                String[] f = row.split("\t");
                n++;
                int number = Integer.parseInt(f[1].substring("S/PV.".length()));
                PrintedRecord.Meeting meeting = new PrintedRecord.Meeting(f[1], number, f[3],
                        LocalDate.parse(f[2], MANIFEST_DATE), "20-0" + (1000 + n * 37));
                sources.add(new Source(f[0] + ".txt", meeting,
                        SharedData.read(root.resolve("meetings/" + f[0] + ".txt"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cached = List.copyOf(sources);
        return cached;
    }

    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("-v");
        boolean withPdf = List.of(args).contains("pdf");
        System.out.println("| Header style | Input | Speeches | Exactly right | With header or footer text | Ending with it |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (boolean pdf : withPdf ? new boolean[] {false, true} : new boolean[] {false}) {
            for (PrintedRecord.Style style : PrintedRecord.Style.values()) {
                long start = System.nanoTime();
                Score s = measure(style, pdf);
                System.out.printf("| %s | %s | %d | %d (%.1f%%) | %d (%.1f%%) | %d (%.1f%%) |  %d s%n",
                        style.description(), pdf ? "PDF" : "text", s.speeches(), s.right(), 100 * s.rightRate(),
                        s.withFurniture(), 100 * s.furnitureRate(), s.endingWithFurniture(), 100 * s.endingRate(),
                        (System.nanoTime() - start) / 1_000_000_000L);
                if (verbose) {
                    s.misses().stream().limit(40).forEach(m -> System.out.println("    " + m));
                }
            }
        }
    }
}
