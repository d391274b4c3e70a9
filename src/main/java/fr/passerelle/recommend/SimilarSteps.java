package fr.passerelle.recommend;

import java.util.List;

/** Steps whose flows look alike: people come from the same places and go to the same places. */
public record SimilarSteps(StepRef step, List<Similar> similar, Evidence evidence) {

    /** Cosine similarity of the shares of origins and of destinations (0..1), and the destinations they share. */
    public record Similar(StepRef step, double similarity, List<String> sharedDestinations) {}
}
