package org.councilbrief.brief;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A line diff of two texts with java-diff-utils (Myers' algorithm in linear space, decision 0034): lines kept,
 * removed ("- ") and added ("+ "). Within a change the removed lines come before the added ones; a change that the
 * algorithm split around an equal line is joined again.
 */
public final class TextDiff {
    /** The kind of the line that stands for unchanged lines left out of {@link #changes}. */
    public static final char GAP = '…';

    private TextDiff() {
    }

    /** One line of the diff: ' ' kept, '-' only in the old text, '+' only in the new, {@link #GAP} lines left out. */
    public record Line(char kind, String text) {
    }

    public static List<Line> of(String before, String after) {
        List<String> a = Arrays.asList(before.split("\n", -1));
        List<String> b = Arrays.asList(after.split("\n", -1));
        boolean[] removed = new boolean[a.size()];
        boolean[] added = new boolean[b.size()];
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b, new MyersDiffWithLinearSpace<String>()).getDeltas()) {
            Arrays.fill(removed, delta.getSource().getPosition(), delta.getSource().last() + 1, true);
            Arrays.fill(added, delta.getTarget().getPosition(), delta.getTarget().last() + 1, true);
        }
        join(a, removed);
        join(b, added);
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && !removed[i] && !added[j]) {
                out.add(new Line(' ', a.get(i++)));
                j++;
                continue;
            }
            // A change reads its removed lines, then its added ones.
            while (i < a.size() && removed[i]) {
                out.add(new Line('-', a.get(i++)));
            }
            while (j < b.size() && added[j]) {
                out.add(new Line('+', b.get(j++)));
            }
        }
        return out;
    }

    /**
     * Moves a run of changed lines along equal lines when that joins it to the next or the previous run, as GNU diff
     * does: removing "x, y" before an unchanged "x" is the same as removing "y, x" after it, and the second reads
     * as one change with what follows. The lines left unchanged stay the same text, so the diff stays correct.
     * (The linear-space algorithm splits such changes more often than the plain one, which needs far more memory.)
     */
    private static void join(List<String> lines, boolean[] changed) {
        int n = lines.size();
        int s = 0;
        while (s < n) {
            if (!changed[s]) {
                s++;
                continue;
            }
            int e = s;
            while (e < n && changed[e]) {
                e++;
            }
            int down = 0;
            while (e + down < n && lines.get(s + down).equals(lines.get(e + down))) {
                down++;
                if (e + down < n && changed[e + down]) {
                    shift(changed, s, e, down);
                    s += down;
                    e += down;
                    break;
                }
            }
            int up = 0;
            while (s - up > 0 && lines.get(s - up - 1).equals(lines.get(e - up - 1))) {
                up++;
                if (s - up > 0 && changed[s - up - 1]) {
                    shift(changed, s, e, -up);
                    break;
                }
            }
            s = e;
            while (s < n && changed[s]) {
                s++;
            }
        }
    }

    /** Moves the run [s, e) of changed lines by {@code by} lines. */
    private static void shift(boolean[] changed, int s, int e, int by) {
        Arrays.fill(changed, s, e, false);
        Arrays.fill(changed, s + by, e + by, true);
    }

    /**
     * Only the changed lines, each with one line of context before and after; where unchanged lines are left out
     * between two changes, or before the first or after the last, a {@link #GAP} line says so.
     */
    public static List<Line> changes(String before, String after) {
        List<Line> all = of(before, after);
        List<Line> out = new ArrayList<>();
        boolean skipped = false;
        for (int k = 0; k < all.size(); k++) {
            boolean near = false;
            for (int d = -1; d <= 1; d++) {
                int n = k + d;
                if (n >= 0 && n < all.size() && all.get(n).kind() != ' ') {
                    near = true;
                }
            }
            if (near) {
                if (skipped) {
                    out.add(new Line(GAP, ""));
                    skipped = false;
                }
                out.add(all.get(k));
            } else {
                skipped = true;
            }
        }
        if (skipped && !out.isEmpty()) {
            out.add(new Line(GAP, ""));
        }
        return out;
    }
}
