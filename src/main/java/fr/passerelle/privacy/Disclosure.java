package fr.passerelle.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Which cells of a breakdown may be shown. Cells below k are hidden (primary suppression); then, while
 * the total minus the shown cells would reveal a hidden group of 1..k-1 people, the smallest shown
 * cell is hidden too (complementary suppression), so no subtraction recovers a small count.
 */
public final class Disclosure {
    private Disclosure() {
    }

    public record Result<T>(List<T> shown, List<T> hidden, Long hiddenPeople) {
    }

    /**
     * @param total the breakdown's total (people), or -1 when the total is itself not shown
     */
    public static <T> Result<T> apply(List<T> cells, ToLongFunction<T> people, long total, Thresholds thresholds) {
        List<T> shown = new ArrayList<>();
        List<T> hidden = new ArrayList<>();
        for (T cell : cells) {
            (thresholds.canShowCount(people.applyAsLong(cell)) ? shown : hidden).add(cell);
        }
        if (total < 0) {
            return new Result<>(shown, hidden, null);
        }
        shown.sort(Comparator.comparingLong(people).reversed());
        while (true) {
            long remainder = total - shown.stream().mapToLong(people).sum();
            if (remainder <= 0 || thresholds.canShowCount(remainder) || shown.isEmpty()) {
                Long hiddenPeople = !hidden.isEmpty() && thresholds.canShowCount(remainder) ? remainder : null;
                return new Result<>(shown, hidden, hiddenPeople);
            }
            hidden.add(shown.remove(shown.size() - 1));
        }
    }
}
