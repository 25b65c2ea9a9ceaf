package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    private static String referenceText() throws AppException {
        Brief brief = new BriefTextImporter(Membership.shipped()).read(SharedData.read(SharedData.referenceBrief()),
                BriefTextImporter.Options.NONE).brief();
        return new TextRenderer().text(new BriefComposer(Membership.shipped()).compose(brief));
    }

    private static String edit(String text, UnaryOperator<List<String>> change) {
        return String.join("\n", change.apply(new ArrayList<>(List.of(text.split("\n", -1)))));
    }

    private static String side(List<TextDiff.Line> diff, char kind) {
        return String.join("\n", diff.stream().filter(l -> l.kind() == ' ' || l.kind() == kind)
                .map(TextDiff.Line::text).toList());
    }

    private static long changed(List<TextDiff.Line> diff) {
        return diff.stream().filter(l -> l.kind() == '-' || l.kind() == '+').count();
    }

    /** How many separate changes (runs of removed or added lines) an editor has to read. */
    private static int runs(List<TextDiff.Line> diff) {
        int runs = 0;
        boolean inRun = false;
        for (TextDiff.Line line : diff) {
            boolean changedLine = line.kind() == '-' || line.kind() == '+';
            if (changedLine && !inRun) {
                runs++;
            }
            inRun = changedLine;
        }
        return runs;
    }

    @Test
    void rebuildsBothTextsAndChangesNoMoreLinesThanTheOldTable() {
        // Lines drawn from five words, so that many lines are equal and the alignment has choices to make.
        qt().withExamples(300).forAll(lists().of(integers().between(0, 4)).ofSizeBetween(0, 60),
                lists().of(integers().between(0, 4)).ofSizeBetween(0, 60)).checkAssert((a, b) -> {
                    String before = String.join("\n", a.stream().map(i -> "line " + i).toList());
                    String after = String.join("\n", b.stream().map(i -> "line " + i).toList());
                    List<TextDiff.Line> diff = TextDiff.of(before, after);
                    assertThat(side(diff, '-')).isEqualTo(before);
                    assertThat(side(diff, '+')).isEqualTo(after);
                    assertThat(changed(diff)).isLessThanOrEqualTo(changed(LcsDiff.of(before, after)));
                });
    }

    @Test
    void showsNoMoreChangedLinesAndNoMoreSeparateChangesThanTheOldDiffOnEditsOfTheReferenceBrief()
            throws AppException {
        String brief = referenceText();
        int n = brief.split("\n", -1).length;
        assertThat(n).isGreaterThan(40);
        List<String> edited = List.of(
                edit(brief, l -> { l.set(10, l.get(10) + " A sentence added by the editor."); return l; }),
                edit(brief, l -> { l.addAll(20, List.of("   3. A new item.", "      A new paragraph.")); return l; }),
                edit(brief, l -> { l.subList(15, 19).clear(); return l; }),
                edit(brief, l -> { l.set(5, "Changed"); l.set(n - 5, "Changed too"); return l; }),
                edit(brief, l -> { List<String> moved = new ArrayList<>(l.subList(8, 12)); l.subList(8, 12).clear();
                    l.addAll(25, moved); return l; }));
        int same = 0;
        for (String after : edited) {
            List<TextDiff.Line> now = TextDiff.of(brief, after);
            List<TextDiff.Line> old = LcsDiff.of(brief, after);
            assertThat(side(now, '-')).isEqualTo(brief);
            assertThat(side(now, '+')).isEqualTo(after);
            assertThat(changed(now)).isEqualTo(changed(old));
            assertThat(runs(now)).isLessThanOrEqualTo(runs(old));
            List<TextDiff.Line> shown = TextDiff.changes(brief, after).stream()
                    .filter(l -> l.kind() != TextDiff.GAP).toList();
            same += shown.equals(LcsDiff.changes(brief, after)) ? 1 : 0;
        }
        // Where both diffs are as short, they mostly agree line for line; the moved block reads better now (its
        // added lines in one run where the table split them around a blank line).
        assertThat(same).isGreaterThanOrEqualTo(4);
    }

    @Test
    void marksTheUnchangedLinesLeftOutBetweenBeforeAndAfterChanges() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni";
        String after = "a\nB\nc\nd\ne\nf\nG\nh\ni";
        assertThat(TextDiff.changes(before, after)).extracting(l -> l.kind() + l.text()).containsExactly(
                " a", "-b", "+B", " c", "…", " f", "-g", "+G", " h", "…");
        assertThat(TextDiff.changes(before, before)).isEmpty();
        assertThat(TextDiff.changes("", "one")).extracting(l -> l.kind() + l.text()).containsExactly("-", "+one");
    }
}
