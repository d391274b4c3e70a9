package fr.passerelle.recommend;

import java.util.List;
import java.util.Map;

/**
 * A counselling interview's answer ({@code POST /api/counsel}): from the person's path so far, where people with
 * the same path went next, what became of the people of each road from their current step, and, with a job in
 * mind, how likely and how long, the bridges toward its domain and its labour-market notes. Built from the
 * release alone; the person's path is read from the request's body and kept nowhere.
 *
 * @param next where people went next from the current step, asked by one dimension at a time: the path before it
 *     when there is one, else the months spent in it, else the region ({@code next.scope} says which answered)
 * @param openness does the current step open doors or channel its people (as on {@code GET /api/steps/{id}})
 * @param fork the roads from the current step and what became of their people {@code months} after leaving it
 * @param reach toward the job (or domain) in mind; null without one
 * @param bridges from the current step toward the domain of the job in mind; null without one
 * @param market the job in mind's labour-market notes (national, and the region's); null without a job in mind
 */
public record Counsel(
        List<StepRef> path,
        StepRef current,
        Openness openness,
        NextSteps next,
        Fork fork,
        Reach reach,
        Bridges bridges,
        Market market,
        String note,
        Map<String, String> reasons,
        Evidence evidence) {

    static final String NOTE = "Ce que sont devenues d'autres personnes parties du même endroit : des faits observés,"
            + " pas une prédiction ni une promesse. Rien de ce parcours n'est enregistré par le serveur.";
}
