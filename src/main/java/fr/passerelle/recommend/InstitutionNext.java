package fr.passerelle.recommend;

import fr.passerelle.privacy.Share;
import java.util.List;
import java.util.Map;

/**
 * Where an establishment's leavers of one step went next (private part): the leavers and each released next
 * step with its people and share; {@code hiddenPeople} the leavers in no listed step (fewer than k each), given
 * only when at least k.
 */
public record InstitutionNext(
        String uai,
        StepRef step,
        Long peopleLeaving,
        List<NextStep> next,
        Long hiddenPeople,
        Map<String, String> reasons,
        Evidence evidence) {

    public record NextStep(StepRef step, long people, Share share) {}
}
