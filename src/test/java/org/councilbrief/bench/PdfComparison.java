package org.councilbrief.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.document.PdfText;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.document.TestPdfs;
import org.councilbrief.quality.PrintedRecord;
import org.councilbrief.upr.UprReportParser;

/**
 * PDFBox beside Debian's pdftotext on the same PDFs, in one run: text agreement (Dice overlap of the words of each
 * file) and time (PDFBox in this process after warm-up; pdftotext as one process per file, as an importer would call
 * it). Also checks that the UPR parser finds the same recommendations in both texts. The PDFs are made from the text
 * data with openhtmltopdf ({@link TestPdfs}); no real PDF of these documents is in ../shared/data.
 */
public final class PdfComparison {
    private PdfComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/bench-pdfs");
        List<Path> pdfs = makePdfs(dir);
        long bytes = 0;
        for (Path p : pdfs) {
            bytes += Files.size(p);
        }
        // Warm up PDFBox, then time three rounds.
        Map<Path, String> pdfbox = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            for (Path p : pdfs) {
                pdfbox.put(p, PdfText.extract(Files.readAllBytes(p), p.toString()));
            }
        }
        long[] boxTimes = new long[3];
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (Path p : pdfs) {
                pdfbox.put(p, PdfText.extract(Files.readAllBytes(p), p.toString()));
            }
            boxTimes[round] = System.nanoTime() - start;
        }
        Map<Path, String> poppler = new HashMap<>();
        long[] popplerTimes = new long[3];
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (Path p : pdfs) {
                Path out = Path.of(p.toString().replace(".pdf", ".pdftotext.txt"));
                Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", p.toString(), out.toString())
                        .redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("pdftotext failed on " + p);
                }
            }
            popplerTimes[round] = System.nanoTime() - start;
        }
        for (Path p : pdfs) {
            poppler.put(p, Files.readString(Path.of(p.toString().replace(".pdf", ".pdftotext.txt")),
                    StandardCharsets.UTF_8));
        }
        double sum = 0;
        double min = 1;
        Path worst = null;
        int sameRecs = 0;
        int reports = 0;
        UprReportParser parser = new UprReportParser();
        for (Path p : pdfs) {
            double dice = dice(pdfbox.get(p), poppler.get(p));
            sum += dice;
            if (dice < min) {
                min = dice;
                worst = p;
            }
            if (p.getFileName().toString().startsWith("upr-")) {
                reports++;
                var a = parser.parse(SourceTexts.of("a", pdfbox.get(p))).recommendations().stream()
                        .map(r -> r.paragraph() + r.recommendingStateCodes()).toList();
                var b = parser.parse(SourceTexts.of("b", poppler.get(p))).recommendations().stream()
                        .map(r -> r.paragraph() + r.recommendingStateCodes()).toList();
                if (a.equals(b)) {
                    sameRecs++;
                }
            }
        }
        Arrays.sort(boxTimes);
        Arrays.sort(popplerTimes);
        System.out.printf("PDFs: %d (%d UPR reports, %d meeting records), %.1f MB%n", pdfs.size(), reports,
                pdfs.size() - reports, bytes / 1e6);
        System.out.printf("PDFBox (in process, warm): median %.0f ms for all, %.1f ms per PDF%n",
                boxTimes[1] / 1e6, boxTimes[1] / 1e6 / pdfs.size());
        System.out.printf("pdftotext (one process per PDF): median %.0f ms for all, %.1f ms per PDF%n",
                popplerTimes[1] / 1e6, popplerTimes[1] / 1e6 / pdfs.size());
        System.out.printf("time ratio PDFBox / pdftotext: %.2f%n", (double) boxTimes[1] / popplerTimes[1]);
        System.out.printf("word agreement (Dice): mean %.4f, lowest %.4f (%s)%n", sum / pdfs.size(), min,
                worst.getFileName());
        System.out.printf("UPR reports with the same recommendations and states from both texts: %d of %d%n",
                sameRecs, reports);
    }

    static double dice(String a, String b) {
        Map<String, Integer> counts = new HashMap<>();
        String[] wa = a.strip().split("\\s+");
        String[] wb = b.strip().split("\\s+");
        for (String w : wa) {
            counts.merge(w, 1, Integer::sum);
        }
        int common = 0;
        for (String w : wb) {
            Integer n = counts.get(w);
            if (n != null && n > 0) {
                common++;
                counts.put(w, n - 1);
            }
        }
        return 2.0 * common / (wa.length + wb.length);
    }

    private static List<Path> makePdfs(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path data = SharedData.root().resolve("data");
        List<Path> out = new ArrayList<>();
        List<Path> reports = new ArrayList<>(list(data.resolve("upr-reports/reports")));
        reports.add(data.resolve("upr-reports/slovenia_4th_cycle/reports/slovenia2025_A-HRC-59-15.txt"));
        for (Path report : reports) {
            Path pdf = dir.resolve("upr-" + report.getFileName().toString().replace(".txt", ".pdf"));
            if (!Files.exists(pdf)) {
                Files.write(pdf, TestPdfs.fromPages(SharedData.read(report)));
            }
            out.add(pdf);
        }
        int job = 1;
        for (Path meeting : list(data.resolve("council-speeches/meetings"))) {
            String name = meeting.getFileName().toString().replace(".txt", "");
            Path pdf = dir.resolve("pv-" + name + ".pdf");
            if (!Files.exists(pdf)) {
                String printed = PrintedRecord.layout(SharedData.read(meeting), name.replace("SPV.", "S/PV."),
                        "Agenda item", "01/01/2020", "20-0" + (1000 + job));
                Files.write(pdf, TestPdfs.fromPages(printed));
            }
            job++;
            out.add(pdf);
        }
        return out;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
