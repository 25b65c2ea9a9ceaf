package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.quality.PrintedRecord;
import org.councilbrief.statement.PressSummaryParser;
import org.councilbrief.statement.Speech;
import org.councilbrief.statement.SpeechSplitter;
import org.councilbrief.upr.ExtractedRecommendation;
import org.councilbrief.upr.UprReportParser;
import org.junit.jupiter.api.Test;

/** Every parser reads a PDF as it reads the text the PDF was made from (see {@link TestPdfs}). */
class PdfInputTest {
    @Test
    void aUprReportAsPdfGivesTheSameRecommendations() throws AppException {
        String text = SharedData.read(SharedData.root()
                .resolve("data/upr-reports/slovenia_4th_cycle/reports/slovenia2025_A-HRC-59-15.txt"));
        SourceText pdf = SourceTexts.of("report.pdf", TestPdfs.fromPages(text));
        assertThat(pdf.fromPdf()).isTrue();
        List<ExtractedRecommendation> fromPdf = new UprReportParser().parse(pdf).recommendations();
        List<ExtractedRecommendation> fromText = new UprReportParser().parse(SourceTexts.of("r.txt", text))
                .recommendations();
        assertThat(fromPdf).hasSize(254);
        assertThat(fromPdf).extracting(r -> r.paragraph() + " " + r.recommendingStateCodes() + " " + r.text())
                .isEqualTo(fromText.stream().map(r -> r.paragraph() + " " + r.recommendingStateCodes() + " "
                        + r.text()).toList());
    }

    @Test
    void aPrintedMeetingRecordAsPdfGivesTheSameSpeeches() throws AppException {
        String record = SharedData.read(SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt"));
        String printed = PrintedRecord.layout(record, "S/PV.8703", "The situation in Mali", "15/01/2020", "20-00789");
        List<Speech> fromPdf = new SpeechSplitter().split(SourceTexts.of("pv.pdf", TestPdfs.fromPages(printed)), null);
        List<Speech> fromText = new SpeechSplitter().split(SourceTexts.of("pv.txt", record), null);
        assertThat(fromPdf).hasSize(18);
        assertThat(fromPdf).extracting(s -> s.label() + " " + s.countryCode() + " " + s.text().replace('\n', ' '))
                .isEqualTo(fromText.stream().map(s -> s.label() + " " + s.countryCode() + " " + s.text()).toList());
    }

    @Test
    void aResolutionAndAPressSummaryAsPdf() throws AppException {
        String resolution = SharedData.read(SharedData.root()
                .resolve("data/pages/seed_sources/res2690_2023_text_partial.txt"));
        Resolution fromPdf = ResolutionParser.parse(SourceTexts.of("res.pdf", TestPdfs.fromPages(resolution)), null);
        Resolution fromText = ResolutionParser.parse(SourceTexts.of("res.txt", resolution), null);
        assertThat(fromPdf.symbol()).isEqualTo("S/RES/2690 (2023)");
        assertThat(fromPdf.paragraphs()).isEqualTo(fromText.paragraphs());

        String press = SharedData.read(SharedData.root()
                .resolve("data/pages/seed_sources/sc15398_press_release_28aug2023_excerpt.txt"));
        assertThat(new PressSummaryParser().parse(SourceTexts.of("sc.pdf", TestPdfs.fromPages(press))).pressRelease())
                .isEqualTo("SC/15398");
    }
}
