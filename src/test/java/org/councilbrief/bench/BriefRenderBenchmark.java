package org.councilbrief.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefPage;
import org.councilbrief.brief.BriefTextImporter;
import org.councilbrief.brief.BriefView;
import org.councilbrief.brief.HtmlRenderer;
import org.councilbrief.council.Membership;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering the reference brief as HTML: composing the view from the structure (word counts, member lists, UPR block)
 * and formatting it, and formatting alone. Run with {@code bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BriefRenderBenchmark {
    private Brief brief;
    private BriefView view;
    private BriefComposer composer;

    @Setup
    public void setUp() throws Exception {
        String shared = System.getProperty("councilbrief.shared", "../shared");
        String text = Files.readString(Path.of(shared, "reference", "000_80c18e20ce0023bb.txt"));
        brief = new BriefTextImporter(Membership.shipped()).read(text, BriefTextImporter.Options.NONE).brief();
        composer = new BriefComposer(Membership.shipped());
        view = composer.compose(brief);
    }

    @Benchmark
    public String composeAndRenderHtml() {
        return HtmlRenderer.html(BriefPage.standalone(composer.compose(brief)));
    }

    @Benchmark
    public String renderHtmlFromView() {
        return HtmlRenderer.html(BriefPage.standalone(view));
    }

    @Benchmark
    public BriefView composeView() {
        return composer.compose(brief);
    }
}
