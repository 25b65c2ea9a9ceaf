package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.document.CsvReader;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.theme.Example;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code themes train} and {@code themes tag}: the contracts of DESIGN.md and what they do with bad input. */
class ThemesCliTest {
    private static final String LABELLED = """
            id,text,issues
            1,Ratify the Optional Protocol to the Convention against Torture,"International instruments,Torture and other CID treatment"
            2,Abolish the death penalty,Death penalty
            3,Establish a moratorium on executions with a view to abolishing the death penalty,Death penalty
            4,Ratify the Convention on the Rights of Persons with Disabilities,"International instruments,Disabilities"
            5,Strengthen measures against violence against women,Women's rights
            6,Combat domestic violence and protect women and girls,Women's rights
            7,Protect journalists and guarantee freedom of the press,Freedom of the press
            8,Ensure that journalists can work without fear,Freedom of the press
            9,Prohibit corporal punishment of children in all settings,Rights of the Child
            10,Raise the minimum age of criminal responsibility for children,Rights of the Child
            11,Improve conditions in prisons and reduce pre-trial detention,Detention
            12,Tax the moon,Astrology
            """;

    @Test
    void trainsAModelAndTagsACsvWithIt(@TempDir Path dir) throws Exception {
        Path labelled = dir.resolve("labelled.csv");
        Files.writeString(labelled, LABELLED);
        Path model = dir.resolve("model");
        CliRun train = CliRun.of("themes", "train", "--in", labelled.toString(), "--text-column", "text",
                "--labels-column", "issues", "--scheme", "upr-info", "--model", model.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).contains("labelled.csv:13: 'Astrology' is not a label of the upr-info scheme");
        assertThat(model.resolve("model.properties")).content().contains("format=3")
                .contains("embedding=all-minilm-l6-v2-q");
        assertThat(model.resolve("embedding.bin")).exists();

        Path in = dir.resolve("in.csv");
        Files.writeString(in, """
                id,text
                a,Abolish the death penalty and commute all death sentences
                b,Protéger les journalistes et garantir la liberté de la presse
                c,
                d,Fortalecer la protección de los defensores de los derechos humanos y de los periodistas en todo el país
                """);
        Path out = dir.resolve("out.csv");
        CliRun tag = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme",
                "upr-info", "--model", model.toString(), "--out", out.toString());
        assertThat(tag.code()).as(tag.err()).isZero();
        List<CsvReader.Row> rows = CsvReader.read(SourceTexts.read(out)).rows();
        assertThat(rows).extracting(r -> r.get("themes")).containsExactly("Death penalty", "Freedom of the press", "",
                "");
        assertThat(rows.get(0).get("id")).isEqualTo("a");
        assertThat(tag.err()).contains("in.csv:3: French text: tagged with the French cue phrases")
                .contains("in.csv:4: empty text: no theme").contains("in.csv:5: not English or French: no theme");

        // A model written before the second level (format 1) is still read, as the fixed blend it was.
        Path old = dir.resolve("old-model");
        Files.createDirectories(old);
        for (String file : List.of("linear.bin", "examples.tsv")) {
            Files.copy(model.resolve(file), old.resolve(file));
        }
        Files.writeString(old.resolve("model.properties"), Files.readString(model.resolve("model.properties"))
                .replace("format=3", "format=1"));
        Path oldOut = dir.resolve("old-out.csv");
        CliRun oldTag = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme",
                "upr-info", "--model", old.toString(), "--out", oldOut.toString());
        assertThat(oldTag.code()).as(oldTag.err()).isZero();
        assertThat(CsvReader.read(SourceTexts.read(oldOut)).rows().get(0).get("themes")).isEqualTo("Death penalty");

        // A model written before the embedding input (format 2: three inputs) is still read as it was.
        Taxonomy taxonomy = Taxonomy.uprInfo();
        List<Example> examples = CsvReader.read(SourceTexts.read(labelled)).rows().stream()
                .filter(r -> taxonomy.label(r.get("issues").split(",")[0]).isPresent())
                .map(r -> Example.of(taxonomy, r.get("text"), List.of(r.get("issues").split(",")).stream()
                        .map(i -> taxonomy.label(i).orElseThrow()).toList())).toList();
        Path two = dir.resolve("format-2");
        ThemeModel.save(ThemeModel.train(taxonomy, examples, null), two);
        Files.writeString(two.resolve("model.properties"), Files.readString(two.resolve("model.properties"))
                .replace("format=3", "format=2"));
        assertThat(two.resolve("embedding.bin")).doesNotExist();
        Path twoOut = dir.resolve("two-out.csv");
        CliRun twoTag = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme",
                "upr-info", "--model", two.toString(), "--out", twoOut.toString());
        assertThat(twoTag.code()).as(twoTag.err()).isZero();
        assertThat(CsvReader.read(SourceTexts.read(twoOut)).rows().get(0).get("themes")).isEqualTo("Death penalty");

        // A model of an embedding model this version does not ship, or of a later format, is refused and says why.
        Path other = dir.resolve("other-embedding");
        Files.createDirectories(other);
        for (String file : List.of("linear.bin", "examples.tsv", "stack.bin", "embedding.bin")) {
            Files.copy(model.resolve(file), other.resolve(file));
        }
        Files.writeString(other.resolve("model.properties"), Files.readString(model.resolve("model.properties"))
                .replace("embedding=all-minilm-l6-v2-q", "embedding=e5-large"));
        CliRun otherTag = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme",
                "upr-info", "--model", other.toString(), "--out", dir.resolve("other.csv").toString());
        assertThat(otherTag.code()).isEqualTo(2);
        assertThat(otherTag.err()).contains("uses the sentence-embedding model 'e5-large', which this version of"
                + " councilbrief does not ship").contains("learn it again with 'themes train'");
        Files.writeString(other.resolve("model.properties"), Files.readString(model.resolve("model.properties"))
                .replace("format=3", "format=4"));
        CliRun laterTag = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme",
                "upr-info", "--model", other.toString(), "--out", dir.resolve("later.csv").toString());
        assertThat(laterTag.code()).isEqualTo(2);
        assertThat(laterTag.err()).contains("holds a model of format 4, which this version of councilbrief cannot"
                + " read");

        // A model without its second level, or with a cut one, is a clear error.
        Files.write(model.resolve("stack.bin"), new byte[] {0, 0, 0, 54, 0});
        CliRun cut = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme",
                "upr-info", "--model", model.toString(), "--out", dir.resolve("cut.csv").toString());
        assertThat(cut.code()).isEqualTo(2);
        assertThat(cut.err()).contains("cannot read the model in " + model);
        Files.delete(model.resolve("stack.bin"));
        CliRun missing = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme",
                "upr-info", "--model", model.toString(), "--out", dir.resolve("missing.csv").toString());
        assertThat(missing.err()).contains("is not a theme model").contains("stack.bin is missing");
    }

    @Test
    void tagsWithTheShippedCuePhrasesWithoutAModel(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("statements.csv");
        Files.writeString(in, "speaker,text\nFrance,\"We call for accountability for the killings in Moura.\"\n");
        Path out = dir.resolve("out.csv");
        CliRun tag = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--scheme", "council",
                "--out", out.toString());
        assertThat(tag.code()).isZero();
        assertThat(CsvReader.read(SourceTexts.read(out)).rows().get(0).get("themes")).contains("accountability");
    }

    @Test
    void badInputIsAClearErrorWithExitCodeTwo(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,body\n1,Abolish the death penalty\n");
        CliRun noColumn = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "text", "--out",
                dir.resolve("out.csv").toString());
        assertThat(noColumn.code()).isEqualTo(2);
        assertThat(noColumn.err()).contains("in.csv:1: no column 'text' (found: id, body)");
        CliRun scheme = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "body", "--scheme",
                "dewey", "--out", dir.resolve("out.csv").toString());
        assertThat(scheme.code()).isEqualTo(2);
        assertThat(scheme.err()).contains("unknown scheme 'dewey'");
        CliRun noModel = CliRun.of("themes", "tag", "--in", in.toString(), "--text-column", "body", "--model",
                dir.resolve("nothing").toString(), "--out", dir.resolve("out.csv").toString());
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("is not a theme model");
        CliRun tooFew = CliRun.of("themes", "train", "--in", in.toString(), "--text-column", "body",
                "--labels-column", "id", "--model", dir.resolve("m").toString());
        assertThat(tooFew.code()).isEqualTo(2);
        assertThat(tooFew.err()).contains("only 0 rows have a text and a label");
    }
}
