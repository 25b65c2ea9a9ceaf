package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.document.InputException;
import org.junit.jupiter.api.Test;

/** The import page's words for the importers' messages, and the field each concerns. */
class ImportMessagesTest {
    @Test
    void aMissingDateIsAskedForInThePagesWordsBesideTheDateField() {
        ImportMessages.Refusal r = ImportMessages.of(new InputException("SPV.8703.txt", 0,
                "the record does not print its date; give it with --date"));
        assertThat(r.field()).isEqualTo(ImportMessages.DATE);
        assertThat(r.message()).isEqualTo("SPV.8703.txt: the record does not print its date; enter the meeting's"
                + " date.");
    }

    @Test
    void eachMessageGoesBesideItsField() {
        assertThat(ImportMessages.of(new InputException("r.txt", 0,
                "the resolution does not print its symbol; give it with --symbol")))
                .isEqualTo(new ImportMessages.Refusal("symbol", "r.txt: the resolution does not print its symbol;"
                        + " enter its symbol."));
        assertThat(ImportMessages.of(new InputException("a.txt", 0, "the report does not say which state was"
                + " reviewed; give the situation with --situation")).field()).isEqualTo("situation");
        assertThat(ImportMessages.of(new AppException("no situation 'x' in the database")))
                .isEqualTo(new ImportMessages.Refusal("situation", "No situation 'x' in the database."));
        assertThat(ImportMessages.of(new AppException("unknown kind 'pdf'; expected one of upr-report, resolution")))
                .isEqualTo(new ImportMessages.Refusal("kind", "Choose one of the kinds in the list."));
        assertThat(ImportMessages.of(new InputException("SPV.1.txt", 12, "no 'Conclusions and/or recommendations'"
                + " section: this does not look like a UPR Working Group report (it looks like: meeting-record)")))
                .isEqualTo(new ImportMessages.Refusal("kind", "SPV.1.txt, line 12: no 'Conclusions and/or"
                        + " recommendations' section: this does not look like a UPR Working Group report (it looks"
                        + " like Security Council meeting record (S/PV.…): choose that kind)."));
        assertThat(ImportMessages.of(new InputException("x.txt", 0, "not a text or PDF file")).field())
                .isEqualTo("file");
    }

    /**
     * Every message of the code that an import runs (its importers, the readers of documents, reviews and
     * statements) that names a command-line flag: the page says it in its own words.
     */
    @Test
    void noMessageAnImportCanShowNamesACommandLineFlag() throws IOException {
        Pattern literal = Pattern.compile("\"([^\"\\n]*--[a-z][^\"\\n]*)\"");
        List<String> messages = new ArrayList<>();
        for (String pkg : List.of("ingest", "document", "upr", "statement")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/councilbrief", pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")
                        && !f.toString().endsWith("Command.java")).toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        messages.add(m.group(1));
                    }
                }
            }
        }
        assertThat(messages).anyMatch(m -> m.contains("give it with --date")); // the scan finds what it looks for
        for (String message : messages) {
            assertThat(ImportMessages.reword(message)).as(message).doesNotContainPattern("--[a-z]");
        }
        assertThat(ImportMessages.reword("import the release again with --date, for its positions"))
                .isEqualTo("import the release again with the meeting's date, for its positions");
        assertThat(ImportMessages.reword("give it with --responses")).isEqualTo("give it with the responses field");
    }
}
