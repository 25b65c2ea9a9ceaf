package org.councilbrief.brief;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written line diff that {@link TextDiff} replaced (longest common subsequence over an n × m table), kept
 * only to compare against in tests and in the benchmark.
 */
public final class LcsDiff {
    private LcsDiff() {
    }

    public static List<TextDiff.Line> of(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<TextDiff.Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new TextDiff.Line(' ', a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new TextDiff.Line('-', a[i++]));
            } else {
                out.add(new TextDiff.Line('+', b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new TextDiff.Line('-', a[i++]));
        }
        while (j < b.length) {
            out.add(new TextDiff.Line('+', b[j++]));
        }
        return out;
    }

    /** Only the changed lines, each with one line of context before and after. */
    public static List<TextDiff.Line> changes(String before, String after) {
        List<TextDiff.Line> all = of(before, after);
        List<TextDiff.Line> out = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            boolean near = false;
            for (int d = -1; d <= 1; d++) {
                int n = k + d;
                if (n >= 0 && n < all.size() && all.get(n).kind() != ' ') {
                    near = true;
                }
            }
            if (near) {
                out.add(all.get(k));
            }
        }
        return out;
    }
}
