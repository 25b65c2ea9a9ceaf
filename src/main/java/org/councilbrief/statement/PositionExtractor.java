package org.councilbrief.statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.councilbrief.theme.Language;
import org.councilbrief.theme.RuleTagger;
import org.councilbrief.theme.Sentences;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/**
 * Proposes positions from a statement: each sentence where the speaker does one of the six acts (calls for,
 * condemns, welcomes, expresses concern, rejects, notes) about a theme of the Council scheme gives one position per
 * member spoken for, act and theme, with the sentence as evidence. English and French. The proposals are for an
 * editor to accept, edit or reject.
 */
public final class PositionExtractor {
    /** A position found, with the sentence that shows it. */
    public record Found(String stateCode, Act act, ThemeLabel theme, String evidence) {
    }

    private record Cue(Act act, Pattern english, Pattern french) {
    }

    private static Pattern words(String regex) {
        // UNICODE_CHARACTER_CLASS: \w must take the accented letters of French ("appelé", "préoccupé").
        return Pattern.compile("(?<![\\p{L}])(?:" + regex + ")(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** Alternatives of one pattern, one a line, so that each cue can be read (and tested) on its own. */
    private static String any(String... alternatives) {
        return String.join("|", alternatives);
    }

    private static final List<Cue> CUES = List.of(
            new Cue(Act.CONDEMNS,
                    words("condemn\\w*|deplor\\w*|denounc\\w*|unacceptable|intolerable|reprehensible|abhorrent"),
                    words("condamn\\w*|déplor\\w*|dénonc\\w*|inacceptable|intolérable")),
            new Cue(Act.EXPRESSES_CONCERN,
                    words(any(
                            // "the parties concerned" are the parties involved
                            "(?<!(?:parties|countries|states|all|those|actors|stakeholders|authorities|sides|persons"
                                    + "|members|groups|governments|organizations) )concern(?:ed)?",
                            // "concerning the role of …" is a preposition
                            "concerning(?! (?:the|a|an|its|their|these|those|our|his|her)\\b)",
                            // a plural "concerns" only when someone has them: "we share the concerns"
                            "(?:share|shares|shared|express\\w*|voice[sd]?|raise[sd]?|our|its|deep|serious|grave|great)"
                                    + " (?:\\w+ )?concerns",
                            // "an alarming situation" describes; "the situation is alarming" judges
                            "(?<!\\b(?:an?|the) )(?:alarm\\w*|worr(?:ied|ying|y)|disturb\\w*|troubl\\w*)",
                            "disappoint\\w*|frustrat\\w*|regret\\w*|dismay\\w*|deplorabl\\w*")),
                    words("préoccup\\w*|inqui\\w*|alarm\\w*|regrett\\w*|déçu\\w*")),
            new Cue(Act.REJECTS,
                    words("reject\\w*|oppose[sd]?|cannot (?:accept|agree|support)|do not accept|will not accept"),
                    words("rejet\\w*|rejett\\w*|oppos\\w*|ne (?:pouvons|peut) (?:pas )?accepter")),
            new Cue(Act.WELCOMES,
                    words(any(
                            "welcom\\w*|commend\\w*|applaud\\w*|appreciat\\w*|prais\\w*|salute[sd]?|encouraged by",
                            "(?:are|am|is|was|were) (?:\\w+ )?"
                                    + "(?:pleased|encouraged|satisfied|impressed|heartened|happy)",
                            "(?:it is )?heartening",
                            // the verb, not the noun ("the continued support of the international community")
                            "(?<!to |the |their |its |continued |and |of )support(?:s|ed)?",
                            "play(?:s|ed)? an? (?:\\w+ )?"
                                    + "(?:important|crucial|key|vital|pivotal|critical|essential) role",
                            "positive (?:step|development|sign|move)s?")),
                    words("salu\\w*|félicit\\w*|se réjou\\w*|nous réjouiss\\w*|accueill\\w*|appui\\w*|soutien\\w*")),
            new Cue(Act.CALLS_FOR,
                    words(any(
                            "call(?:s|ed)? (?:on|upon|for)|urg(?:e|es|ed|ing)",
                            // "we are encouraged that …" is a welcome
                            "(?<!(?:are|am|is|was|were|be|been|feel|remain) )encourag(?:e|es|ed)\\b(?! by)",
                            "demand\\w*|appeal\\w* (?:to|for)",
                            "stress(?:es|ed)? (?:the )?(?:\\w+ )?(?:need|importance)",
                            "underlin\\w* (?:the )?(?:\\w+ )?(?:need|importance)",
                            "emphasi[sz]\\w* (?:the )?(?:\\w+ )?(?:need|importance)",
                            "highlight\\w* the (?:\\w+ )?importance",
                            "(?:has|have) an obligation|urgently needs?|can only be",
                            "reiterat\\w* (?:our|its|the) call|reiterat\\w* the importance",
                            "underscor\\w* the importance",
                            "must|should|need(?:s)? to|need for|(?:is|are) needed|it is (?:\\w+ )?urgent",
                            // the verb, not the noun ("signs of hope")
                            "(?<!(?:of|for|a|the|new|some|much) )hope[sd]?|hoping",
                            "there (?:can|could) be no",
                            // "we await", not "long-awaited"
                            "(?<!-)await(?:s|ing)?",
                            "(?:is|are) (?:all )?(?:a )?prerequisites?",
                            "it is (?:\\w+ )?(?:important|essential|imperative|crucial|vital|necessary|critical)",
                            "there must|we need|look(?:s)? to|expect\\w*|ask\\w*|have to|has to|urgent need",
                            "the only (?:way|viable)",
                            "(?:is|are|remains?) (?:\\w+ )?(?:crucial|essential|vital|imperative|key|necessary"
                                    + "|instrumental|indispensable)")),
                    words("appel\\w* (?:à|au|aux|les|la|le|l'|tous|toutes|chacun)|exhort\\w*|encourag\\w*"
                            + "|demand\\w*|doi(?:t|vent)|devons"
                            + "|il (?:est|faut)|il importe|insist\\w*|soulign\\w* (?:la nécessité|l'importance)")),
            new Cue(Act.NOTES,
                    words("not(?:e|es|ed|ing) (?:that|the|with)|take[sn]? note|acknowledg\\w*|recogni[sz]\\w*"),
                    words("pren\\w* note|not(?:e|ons) (?:que|le|la|les)|reconn\\w*")));

    /** A sentence that speaks of what the one before said: "This is alarming", "We support that call". */
    private static final Pattern BACK_REFERENCE = Pattern.compile(
            "(?i)(?:^(?:it|cela|ceci|ces)\\b|.*\\b(?:this|that|these|those|such)\\b)");

    private final RuleTagger themes = new RuleTagger(Taxonomy.council());

    /**
     * The positions a statement proposes for an editor: for each member it speaks for (every member of a joint
     * statement), each act found with its evidence sentence.
     */
    public List<Position> propose(Statement statement) {
        List<String> speakers = statement.onBehalfOf() != null ? List.of(statement.onBehalfOf().split(";"))
                : statement.stateCode() == null ? List.of() : List.of(statement.stateCode());
        return extract(statement.text(), speakers).stream().map(f -> new Position(f.stateCode(), f.act(),
                f.theme().id(), f.evidence(), Position.Status.PROPOSED)).toList();
    }

    /**
     * @param text what was said
     * @param speakers the members it speaks for (one, or every member of a joint statement)
     */
    public List<Found> extract(String text, List<String> speakers) {
        return extract(text, speakers, false);
    }

    /**
     * The positions in a paragraph of a press-release summary, which reports the speaker in the third person ("The
     * representative of Ghana … said …; she called for …"): "he", "she", "they", "the representative", "his
     * delegation" are the speaker's voice there.
     */
    public List<Found> extractReported(String text, List<String> speakers) {
        return extract(text, speakers, true);
    }

    private List<Found> extract(String text, List<String> speakers, boolean reported) {
        if (text == null || text.isBlank() || speakers.isEmpty()) {
            return List.of();
        }
        Language language = Language.detect(text);
        if (language == Language.OTHER) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Language cues = language == Language.FRENCH ? Language.FRENCH : Language.ENGLISH;
        List<ThemeLabel> labels = Taxonomy.council().labels();
        List<RuleTagger.Hit> previous = List.of();
        for (String sentence : Sentences.of(text, language)) {
            List<RuleTagger.Hit> hits = themes.hits(sentence, cues);
            List<RuleTagger.Hit> before = previous;
            previous = hits;
            List<ActAt> acts = acts(sentence, language);
            if (!spokenByTheSpeaker(sentence, speakers, language)
                    && !(reported && (language == Language.FRENCH ? REPORTED_FR : REPORTED_EN).matcher(sentence).find())) {
                // Someone else's act ("the Secretary-General urged", "States acknowledged") is not the speaker's;
                // an impersonal one ("must", "is unacceptable", "is alarming") is.
                acts = acts.stream().filter(a -> a.impersonal()).toList();
            }
            if (acts.isEmpty()) {
                continue;
            }
            if (hits.isEmpty() && BACK_REFERENCE.matcher(sentence).lookingAt()) {
                // "… to prioritize the reopening of schools. Germany fully supports that call."
                // "Students were killed … This is alarming to us.": the themes of the sentence before, for the first act.
                hits = before.stream().map(h -> new RuleTagger.Hit(h.label(), 0)).toList();
            }
            // Each act takes the themes named from where it stands to where the next act stands; the first act also
            // takes those named before it ("Attacks on civilians are unacceptable").
            // An act that names no theme of its own takes those of the act before it ("Estonia supports the drought
            // coordination and encourages further efforts", "We condemn the violence against civilians and call for
            // enhanced protection").
            int spanFrom = 0;
            for (int a = 0; a < acts.size(); a++) {
                int from = a == 0 ? 0 : acts.get(a).word();
                int to = a + 1 < acts.size() ? acts.get(a + 1).word() : Integer.MAX_VALUE;
                int start = from;
                if (a > 0 && hits.stream().noneMatch(h -> h.word() >= start && h.word() < to)) {
                    from = spanFrom;
                }
                spanFrom = from;
                for (RuleTagger.Hit hit : hits) {
                    if (hit.word() < from || hit.word() >= to) {
                        continue;
                    }
                    ThemeLabel label = labels.get(hit.label());
                    for (String speaker : speakers) {
                        if (seen.add(speaker + " " + acts.get(a).act() + " " + label.id())) {
                            found.add(new Found(speaker, acts.get(a).act(), label, sentence));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** An act, the word of the sentence where it is said, and whether it is said without a subject. */
    record ActAt(Act act, int word, boolean impersonal) {
    }

    private static final Pattern IMPERSONAL = Pattern.compile("(?i)^(?:must|should|need(?:s)? to|need for|have to|has to"
            + "|there must|urgent need|the only|there (?:can|could) be no|(?:has|have) an obligation|it is .*"
            + "|(?:is|are|remains?) .*|unacceptable|intolerable|reprehensible"
            + "|abhorrent|positive .*|inacceptable|intolérable|il (?:est|faut).*|il importe|doi(?:t|vent)|alarm\\w*"
            + "|regrettabl\\w*|concerning|worrying|troubling|disturbing|encouraging)$");
    private static final Pattern FIRST_PERSON_EN = Pattern.compile(
            "(?i)\\b(?:we|i|us|our|my|the a3|african members)\\b");
    private static final Pattern REPORTED_EN = Pattern.compile("(?i)\\b(?:he|she|they|his|her|their|the representative"
            + "|the speaker|the delegate|(?:his|her|its|their) (?:delegation|country|Government))\\b");
    private static final Pattern REPORTED_FR = Pattern.compile("(?i)(?<![\\p{L}])(?:il|elle|ils|elles|sa délégation"
            + "|son pays|le représentant|la représentante|le délégué|la déléguée)(?![\\p{L}])");
    private static final Pattern FIRST_PERSON_FR = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:nous|je|j'|notre|nos|ma|mon|mes|moi)(?![\\p{L}])");

    /** Whether the sentence has the speaker as its voice: "we", "I", "my delegation", or the speaker's own name. */
    static boolean spokenByTheSpeaker(String sentence, List<String> speakers, Language language) {
        if ((language == Language.FRENCH ? FIRST_PERSON_FR : FIRST_PERSON_EN).matcher(sentence).find()) {
            return true;
        }
        String lower = sentence.toLowerCase(java.util.Locale.ROOT);
        for (String code : speakers) {
            var state = org.councilbrief.council.States.shipped().byCode(code);
            if (state.isPresent()) {
                List<String> names = new ArrayList<>(List.of(state.get().name(),
                        state.get().shortName().replaceFirst("^the ", ""), state.get().label()));
                names.addAll(state.get().aliases()); // "The United Kingdom calls on …"
                for (String name : names) {
                    if (name.length() > 2 && lower.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The acts a sentence does, in the order they are said (an act said twice counts where it is first said);
     * concern or welcome outranks a mere note.
     */
    static List<ActAt> acts(String sentence, Language language) {
        List<ActAt> acts = new ArrayList<>();
        for (Cue cue : CUES) {
            Pattern pattern = language == Language.FRENCH ? cue.french() : cue.english();
            java.util.regex.Matcher m = pattern.matcher(sentence);
            if (m.find()) {
                acts.add(new ActAt(cue.act(), RuleTagger.wordIndex(sentence, m.start()),
                        IMPERSONAL.matcher(m.group()).matches()));
            }
        }
        if (acts.stream().anyMatch(a -> a.act() != Act.NOTES)) {
            acts.removeIf(a -> a.act() == Act.NOTES); // "We note with concern", "We note that they must …"
        }
        acts.sort(java.util.Comparator.comparingInt(ActAt::word));
        return acts;
    }
}
