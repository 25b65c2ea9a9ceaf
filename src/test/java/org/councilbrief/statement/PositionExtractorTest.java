package org.councilbrief.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PositionExtractorTest {
    private final PositionExtractor extractor = new PositionExtractor();

    private List<String> found(String text, String... speakers) {
        return extractor.extract(text, List.of(speakers)).stream()
                .map(f -> f.stateCode() + " " + f.act().id() + " " + f.theme().id()).toList();
    }

    @Test
    void eachActTakesTheThemesItNames() {
        assertThat(found("We condemn the violence against civilians and call for an end to impunity.", "ALB"))
                .containsExactlyInAnyOrder("ALB condemns protection-of-civilians", "ALB calls-for accountability");
        assertThat(found("Attacks on civilians and civilian infrastructure are unacceptable.", "IDN"))
                .containsExactly("IDN condemns protection-of-civilians");
    }

    @Test
    void aSentenceWithoutAnActOrWithoutAThemeGivesNothing() {
        assertThat(found("Thank you, Madam President. I thank the Special Representative for her briefing.", "FRA"))
                .isEmpty();
        assertThat(found("The report describes the attacks against civilians in the centre of the country.", "FRA"))
                .isEmpty();
    }

    @Test
    void aSentenceThatPointsBackTakesTheThemesOfTheOneBefore() {
        assertThat(found("Students were abducted and schools were burnt. This is alarming to us.", "BEL"))
                .containsExactly("BEL expresses-concern children");
    }

    @Test
    void aJointStatementGivesThePositionToEveryMember() {
        assertThat(found("The A3 call on all parties to ensure safe and unhindered humanitarian access.", "GAB", "GHA",
                "MOZ")).containsExactly("GAB calls-for humanitarian-access", "GHA calls-for humanitarian-access",
                        "MOZ calls-for humanitarian-access");
    }

    @Test
    void readsFrench() {
        assertThat(found("La France condamne les violences sexuelles et appelle à la protection des civils.", "FRA"))
                .containsExactlyInAnyOrder("FRA condemns sexual-violence",
                        "FRA calls-for protection-of-civilians");
    }

    @Test
    void emptyAndForeignTextsGiveNothing() {
        assertThat(found("", "FRA")).isEmpty();
        assertThat(found("Pedimos la protección de los civiles y la rendición de cuentas por todas las violaciones"
                + " cometidas en el país durante el conflicto.", "MEX")).isEmpty();
        assertThat(extractor.extract("We call for accountability.", List.of())).isEmpty();
    }

    @Test
    void aPressSummaryReportsTheSpeakerInTheThirdPerson() {
        String paragraph = "The representative of Ghana, also speaking for Gabon and Mozambique, said the transition"
                + " must lead to elections. She called for accountability for the violations committed against"
                + " civilians. The Secretary-General had urged restraint.";
        assertThat(extractor.extractReported(paragraph, List.of("GHA", "GAB", "MOZ")).stream()
                .map(f -> f.stateCode() + " " + f.act().id() + " " + f.theme().id()))
                .contains("GHA calls-for accountability", "GAB calls-for accountability",
                        "MOZ calls-for accountability", "GHA calls-for elections-and-transition");
        // In a speech, "she" is someone else: only the speaker's own voice counts.
        assertThat(found("She called for accountability for the violations committed against civilians.", "GHA"))
                .isEmpty();
        assertThat(extractor.extractReported("Elle a appelé toutes les parties au conflit à assurer la protection des"
                + " civils dans le centre du pays.", List.of("FRA")).stream()
                .map(f -> f.stateCode() + " " + f.act().id() + " " + f.theme().id()))
                .containsExactly("FRA calls-for protection-of-civilians");
    }

    @Test
    void theSpeakersOwnNameInAnyOfItsFormsIsItsVoice() {
        assertThat(found("The United Kingdom calls on all Iraqi leaders to work together to support a new prime"
                + " minister.", "GBR")).containsExactly("GBR calls-for elections-and-transition");
    }

    @Test
    void wordsThatLookLikeActsButNameSomethingElseAreNotActs() {
        // "the parties concerned" are the parties involved; "long-awaited" and "signs of hope" are no call; "an
        // alarming situation" describes, where "the situation is alarming" would judge.
        assertThat(found("We call on all parties concerned to end hostilities.", "VNM"))
                .containsExactly("VNM calls-for peace-process");
        assertThat(found("We are encouraged by the progress in the long-awaited inclusive national dialogue.", "DOM"))
                .containsExactly("DOM welcomes peace-process");
        assertThat(found("We welcome the positive steps, which are signs of hope, especially the Riyadh agreement.",
                "TUN")).containsExactly("TUN welcomes peace-process");
        assertThat(found("Concerning the humanitarian situation, we commend the work of humanitarian workers.", "TUN"))
                .containsExactly("TUN welcomes humanitarian-access");
        assertThat(found("It is extremely concerning that the peace agreement is not implemented.", "GBR"))
                .containsExactly("GBR expresses-concern peace-process");
    }

    @Test
    void theTransitionGovernmentIsAnActorNotTheTransition() {
        assertThat(found("We deeply regret the transition government's decision to abandon MINUSMA.", "USA"))
                .containsExactly("USA expresses-concern peacekeeping");
        assertThat(found("We stress the need for the political transition to be inclusive.", "ALB"))
                .containsExactly("ALB calls-for elections-and-transition");
    }

    @Test
    void anActThatNamesNoThemeTakesThoseOfTheActBeforeIt() {
        assertThat(found("We condemn the attacks on civilians and call for enhanced protection measures.", "ALB"))
                .containsExactlyInAnyOrder("ALB condemns protection-of-civilians",
                        "ALB calls-for protection-of-civilians");
    }

    @Test
    void anObligationIsACallWhoeverHasIt() {
        assertThat(found("The transition government has an obligation to guarantee the freedom of movement of"
                + " MINUSMA.", "USA")).containsExactly("USA calls-for peacekeeping");
    }

    @Test
    void respectForTheLawAndForHumanRightsIsIhlIhrlNotTheProtectionOfCivilians() {
        assertThat(found("We call on all parties to respect international humanitarian law.", "IRL"))
                .containsExactly("IRL calls-for ihl-ihrl");
        assertThat(found("It is essential to preserve the human rights gains, including women's rights.", "NOR"))
                .containsExactly("NOR calls-for ihl-ihrl");
        assertThat(found("Nous condamnons les violations des droits de l'homme.", "FRA"))
                .containsExactly("FRA condemns ihl-ihrl");
        // The mission's human-rights work is cooperation with the UN; defenders are civic space.
        assertThat(found("We welcome the work of the human rights division of the mission.", "GBR"))
                .contains("GBR welcomes cooperation-with-un").doesNotContain("GBR welcomes ihl-ihrl");
        assertThat(found("We call for the protection of human rights defenders.", "GBR"))
                .containsExactly("GBR calls-for civic-space");
    }

    @Test
    void inclusionNeedsTheGroupsNamedInTheProcess() {
        assertThat(found("We call for the participation of youth and civil society in the political process.", "MEX"))
                .contains("MEX calls-for inclusion").doesNotContain("MEX calls-for civic-space");
        assertThat(found("Nous saluons la participation des femmes et des jeunes aux élections.", "FRA"))
                .contains("FRA welcomes inclusion", "FRA welcomes womens-participation");
        assertThat(found("We support an inclusive dialogue and an inclusive Government.", "IND"))
                .doesNotContain("IND welcomes inclusion");
        assertThat(found("We call for the economic empowerment of women and youth.", "KEN")).isEmpty();
    }

    @Test
    void childrenNeedChildProtectionWomenAndChildrenAloneAreCivilians() {
        assertThat(found("We condemn the killing of women and children.", "NER"))
                .containsExactly("NER condemns protection-of-civilians");
        assertThat(found("We condemn the recruitment of children and the killing of women and children.", "NER"))
                .contains("NER condemns children");
    }

    @Test
    void violenceAgainstWomenIsSexualViolenceAndAViolationIsNotRape() {
        assertThat(found("We are alarmed by the violence against women and girls.", "ALB"))
                .containsExactly("ALB expresses-concern sexual-violence");
        assertThat(found("La France condamne les violations du cessez-le-feu.", "FRA"))
                .doesNotContain("FRA condemns sexual-violence");
        assertThat(found("We call on the authorities to cooperate with the United Nations.", "USA"))
                .doesNotContain("USA calls-for cooperation-with-un");
    }
}
