package org.councilbrief.brief;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.council.Membership;
import org.councilbrief.db.Database;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code councilbrief brief …}: import a published brief, render a brief. */
@Command(name = "brief", mixinStandardHelpOptions = true, description = "Import and render briefs.",
        subcommands = {BriefCommand.ImportTextCommand.class, BriefCommand.LoadCommand.class, BriefCommand.RenderCommand.class})
public final class BriefCommand {

    static String readText(Path file) throws AppException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            // The command line's door, as the forms are the web's: no control character gets into a brief.
            return org.councilbrief.Forms.clean(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString(),
                    true);
        } catch (NoSuchFileException e) {
            throw new AppException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new AppException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new AppException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Composes a brief read from outside, turning what cannot be composed (a date the data does not cover, a
     * missing UPR review) into bad input. */
    static BriefView compose(Brief brief) throws AppException {
        try {
            return new BriefComposer(Membership.shipped()).compose(brief);
        } catch (IllegalArgumentException e) {
            throw new AppException("the brief cannot be composed: " + e.getMessage(), e);
        }
    }

    @Command(name = "import-text", mixinStandardHelpOptions = true,
            description = "Reads a published brief copied as text and prints its structured form as JSON.")
    static final class ImportTextCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The brief as text (UTF-8).")
        Path file;

        @Option(names = "--situation", description = "The situation, when the text does not name it.")
        String situation;

        @Option(names = "--as-of", description = "The brief's date (YYYY-MM-DD); by default its latest item's date.")
        LocalDate asOf;

        @Override
        public Integer call() throws AppException {
            // Read as every imported file is: refused when empty, binary or over the limits; decoded as the importers do.
            SourceText source = SourceTexts.read(file);
            String text = source.text();
            BriefImport imported;
            try {
                imported = new BriefTextImporter(Membership.shipped()).read(text,
                        new BriefTextImporter.Options(situation, asOf));
            } catch (AppException e) {
                throw new AppException(file + ": " + e.getMessage(), e); // the reader's "line N: …" names no file
            }
            PrintWriter err = spec.commandLine().getErr();
            source.notes().forEach(w -> err.println("warning: " + file.getFileName() + ": " + w));
            imported.warnings().forEach(w -> err.println("warning: " + file.getFileName() + ": " + w));
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(BriefJson.write(imported.brief()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Stores a brief held in its JSON form in the database, replacing the situation's brief.")
    static final class LoadCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.json", description = "The brief, as brief import-text prints it.")
        Path file;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            Brief brief = BriefJson.read(readText(file));
            compose(brief);
            String stateCode = Membership.shipped().states().byName(brief.situationName())
                    .map(org.councilbrief.council.State::code).orElse(null);
            try (Database database = Database.openOrDefault(db)) {
                new org.councilbrief.council.StateRepository(database.jdbi()).syncShipped(Membership.shipped());
                new BriefRepository(database.jdbi()).save(brief, stateCode);
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("stored the brief on " + brief.situationName() + " as situation '" + brief.situation() + "'");
            err.flush();
            return 0;
        }
    }

    /**
     * The {@code brief render} command the application's command factory makes: {@code brief render SITUATION} draws
     * the brief's pictures (decision 0044) with the maker {@code pictures} gives for the database it reads.
     */
    public static Callable<Integer> render(java.util.function.Function<Database, BriefPictures.Maker> pictures) {
        return new RenderCommand(pictures);
    }

    /** Whether picocli asks for the {@code brief render} command. */
    public static boolean isRender(Class<?> type) {
        return type == RenderCommand.class;
    }

    @Command(name = "render", mixinStandardHelpOptions = true,
            description = "Renders a brief, from the database or from its JSON form (--from).")
    static final class RenderCommand implements Callable<Integer> {
        private final java.util.function.Function<Database, BriefPictures.Maker> pictures;

        RenderCommand() {
            this(database -> BriefPictures.Maker.NONE);
        }

        RenderCommand(java.util.function.Function<Database, BriefPictures.Maker> pictures) {
            this.pictures = pictures;
        }

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SITUATION", arity = "0..1", description = "The situation's id, e.g. mali.")
        String situation;

        @Option(names = "--from", paramLabel = "FILE.json", description = "Render the brief held in this JSON file.")
        Path from;

        @Option(names = "--as-of", description = "Render the brief as of this date (YYYY-MM-DD): the Council of that "
                + "date, and no item dated later.")
        LocalDate asOf;

        @Option(names = "--format", required = true, description = "text, html, md, json, pdf or docx.")
        String format;

        @Option(names = "--out", description = "Write to this file instead of standard output.")
        Path out;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException, IOException {
            BriefRenderer renderer = BriefRenderers.require(format);
            if (from != null) {
                if (situation != null) {
                    throw new AppException("give either a SITUATION or --from, not both");
                }
                Brief brief = BriefJson.read(readText(from));
                write(renderer, compose(asOf != null ? Briefs.asOf(brief, asOf) : brief), BriefPictures.NONE);
            } else if (situation != null) {
                try (Database database = Database.openOrDefault(db)) {
                    Brief brief = new BriefRepository(database.jdbi()).find(situation)
                            .orElseThrow(() -> new AppException("no brief for the situation '" + situation + "'"));
                    brief = asOf != null ? Briefs.asOf(brief, asOf) : brief;
                    BriefView view = compose(brief);
                    boolean drawn = renderer.format().equals("html") || renderer.format().equals("pdf");
                    write(renderer, view, drawn ? pictures.apply(database).of(brief, view) : BriefPictures.NONE);
                }
            } else {
                throw new AppException("give a SITUATION or --from FILE.json");
            }
            return 0;
        }

        /** The brief to the file or standard output; the page and the PDF with their pictures, if any. */
        private void write(BriefRenderer renderer, BriefView view, BriefPictures drawn) throws IOException {
            OutputStream target = out != null ? Files.newOutputStream(out) : System.out;
            try {
                if (renderer.format().equals("html") && drawn != BriefPictures.NONE) {
                    target.write(HtmlRenderer.html(BriefPage.standalone(view, drawn))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else if (renderer.format().equals("pdf") && drawn != BriefPictures.NONE) {
                    PdfRenderer.render(BriefPage.standalone(view, drawn), target);
                } else {
                    renderer.render(view, target);
                }
            } finally {
                if (out != null) {
                    target.close();
                } else {
                    target.flush();
                }
            }
        }
    }
}
