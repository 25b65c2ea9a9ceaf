package scratch;

import java.util.List;
import org.councilbrief.quality.ThemeTaggingQuality;
import org.councilbrief.theme.*;

public class Tune {
    static int[] pick(double[] sc, double th) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        int best = 0;
        for (int l = 0; l < sc.length; l++) { if (sc[l] >= th) out.add(l); if (sc[l] > sc[best]) best = l; }
        if (out.isEmpty() && sc[best] > 0) out.add(best);
        return out.stream().mapToInt(i -> i).toArray();
    }
    public static void main(String[] a) {
        Taxonomy t = Taxonomy.uprInfo();
        boolean test = a.length > 0;
        List<Example> train = test ? ThemeTaggingQuality.rows(1, 9) : ThemeTaggingQuality.rows(1, 8);
        List<Example> val = test ? ThemeTaggingQuality.rows(10, 12) : ThemeTaggingQuality.rows(9, 9);
        LinearTagger lin = LinearTagger.train(t, train, new LinearTagger.Settings(16, 1.0, 1e-6, 0.35, 7));
        RuleTagger rules = new RuleTagger(t);
        for (int k : new int[] {20, 40}) {
            NeighbourTagger knn = new NeighbourTagger(t, train, k, 0.4);
            for (double th : new double[] {0.25, 0.3, 0.35, 0.4}) {
                var s = ThemeTaggingQuality.score("knn", val, text -> pick(knn.scores(text), th));
                System.out.printf("knn k %d th %.2f micro %.4f macro %.4f%n", k, th, s.microF1(), s.macroF1());
            }
            for (double wl : new double[] {1.0, 0.5}) for (double wr : new double[] {0.0, 0.3}) for (double th : new double[] {0.25, 0.3, 0.35, 0.4}) {
                double wk = 1 - wl;
                var s = ThemeTaggingQuality.score("blend", val, text -> {
                    double[] a1 = lin.scores(text), b = knn.scores(text), r = rules.scores(text);
                    double[] c = new double[a1.length];
                    for (int l = 0; l < c.length; l++) c[l] = wl * a1[l] + wk * b[l] + wr * r[l];
                    return pick(c, th);
                });
                System.out.printf("blend k %d wl %.2f wr %.2f th %.2f micro %.4f macro %.4f%n", k, wl, wr, th, s.microF1(), s.macroF1());
            }
        }
    }
}
