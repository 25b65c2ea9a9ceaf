package org.councilbrief.theme;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.councilbrief.document.CsvReader;
import org.councilbrief.document.CsvWriter;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code councilbrief themes …}: tagging texts with the themes of a scheme. */
@Command(name = "themes", description = "Tag texts with themes (UPR Info's issues or the Council scheme).",
        mixinStandardHelpOptions = true, subcommands = {ThemesCommand.TrainCommand.class,
            ThemesCommand.TagCommand.class})
public final class ThemesCommand {

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Learns a tagger from labelled rows of a CSV file and writes it to a folder.")
    static final class TrainCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The labelled rows.")
        Path in;

        @Option(names = "--text-column", required = true, description = "The column holding the text.")
        String textColumn;

        @Option(names = "--labels-column", required = true,
                description = "The column holding the labels, separated by ',' or ';'.")
        String labelsColumn;

        @Option(names = "--scheme", defaultValue = "upr-info", description = "upr-info or council.")
        String scheme;

        @Option(names = "--model", required = true, paramLabel = "DIR", description = "Where to write the model.")
        Path model;

        @Override
        public Integer call() throws AppException {
            Taxonomy taxonomy = Taxonomy.of(scheme);
            CsvReader.Table table = CsvReader.read(SourceTexts.read(in));
            table.checkShape();
            String text = column(table, textColumn, in);
            String labels = column(table, labelsColumn, in);
            PrintWriter err = spec.commandLine().getErr();
            List<Example> examples = new ArrayList<>();
            int unknown = 0;
            for (CsvReader.Row row : table.rows()) {
                String body = row.get(text).strip();
                if (body.isEmpty()) {
                    err.println("councilbrief: " + in + ":" + row.line() + ": empty text; row left out");
                    continue;
                }
                String value = row.get(labels);
                List<ThemeLabel> found = new ArrayList<>();
                for (String name : value.split(value.contains(";") ? ";" : ",")) {
                    if (name.isBlank()) {
                        continue;
                    }
                    var label = taxonomy.label(name);
                    if (label.isPresent()) {
                        found.add(label.get());
                    } else if (unknown++ < 20) {
                        err.println("councilbrief: " + in + ":" + row.line() + ": '" + name.strip()
                                + "' is not a label of the " + scheme + " scheme; left out");
                    }
                }
                if (found.isEmpty()) {
                    continue;
                }
                examples.add(Example.of(taxonomy, body, found));
            }
            if (unknown > 20) {
                err.println("councilbrief: " + in + ": " + unknown + " labels are not in the scheme in all");
            }
            if (examples.size() < 10) {
                throw new AppException(in + ": only " + examples.size() + " rows have a text and a label of the "
                        + scheme + " scheme; a model needs more");
            }
            long start = System.nanoTime();
            StackedTagger tagger;
            try (Progress progress = Progress.start("Learning", -1, err)) {
                tagger = ThemeModel.train(taxonomy, examples, Embedders.defaultEmbedder(), progress);
            }
            ThemeModel.save(tagger, model);
            err.printf("councilbrief: learnt from %d rows in %.1f s; model written to %s%n", examples.size(),
                    (System.nanoTime() - start) / 1e9, model);
            err.flush();
            return 0;
        }
    }

    @Command(name = "tag", mixinStandardHelpOptions = true,
            description = "Copies a CSV file and adds a 'themes' column of ';'-separated labels.")
    static final class TagCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--in", required = true, paramLabel = "FILE.csv", description = "The rows to tag.")
        Path in;

        @Option(names = "--text-column", required = true, description = "The column holding the text.")
        String textColumn;

        @Option(names = "--scheme", defaultValue = "upr-info", description = "upr-info or council.")
        String scheme;

        @Option(names = "--model", paramLabel = "DIR",
                description = "A model from 'themes train'; without it, the cue phrases shipped with the scheme.")
        Path model;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write the copy.")
        Path out;

        @Override
        public Integer call() throws AppException {
            Taxonomy taxonomy = Taxonomy.of(scheme);
            CsvReader.Table table = CsvReader.read(SourceTexts.read(in));
            table.checkShape();
            String text = column(table, textColumn, in);
            if (table.header().contains("themes")) {
                throw new InputException(in.toString(), 1, "already has a 'themes' column");
            }
            Tagger learnt = model == null ? null : ThemeModel.load(model, taxonomy);
            RuleTagger rules = new RuleTagger(taxonomy);
            ThemeTexts tagger = new ThemeTexts(rules, learnt);
            List<CsvReader.Row> rows = table.rows();
            ThemeTexts.Result[] results = new ThemeTexts.Result[rows.size()];
            PrintWriter err = spec.commandLine().getErr();
            try (Progress progress = Progress.start("Tagging rows", rows.size(), err)) {
                IntStream.range(0, rows.size()).parallel().forEach(i -> {
                    results[i] = tagger.tag(rows.get(i).get(text));
                    progress.advance(1);
                });
            }
            List<String> header = new ArrayList<>(table.header());
            header.add("themes");
            int flagged = 0;
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write(CsvWriter.line(header));
                for (int i = 0; i < rows.size(); i++) {
                    List<String> fields = new ArrayList<>();
                    for (String h : table.header()) {
                        fields.add(rows.get(i).get(h));
                    }
                    fields.add(String.join(";", results[i].labels().stream().map(ThemeLabel::id).toList()));
                    w.write(CsvWriter.line(fields));
                    if (results[i].flag() != null && flagged++ < 50) {
                        err.println("councilbrief: " + in + ":" + rows.get(i).line() + ": " + results[i].flag());
                    }
                }
            } catch (IOException e) {
                throw new AppException("cannot write " + out + ": " + e.getMessage(), e);
            }
            err.printf("councilbrief: tagged %d rows (%d flagged) into %s%n", rows.size(), flagged, out);
            err.flush();
            return 0;
        }
    }

    static String column(CsvReader.Table table, String name, Path file) throws InputException {
        String column = table.column(name);
        if (column == null) {
            throw new InputException(file.toString(), 1, "no column '" + name + "' (found: "
                    + String.join(", ", table.header()) + ")");
        }
        return column;
    }
}
