package dev.watershed.domain.profile;

/**
 * Thresholds used where a field states none.
 *
 * @param jensenShannon       largest Jensen-Shannon divergence (base 2, 0..1) of a numeric field
 * @param lInfinity           largest L-infinity distance (0..1) between the value shares of a categorical field
 * @param nullRateChange      largest change of the null-or-missing share, in share points (0.1 = 10 points)
 * @param newCategoryMinShare share a new value must hold (or a vanished one must have held) to count
 * @param recordCountChange   largest relative change of the record count (0.5: from half to one and a half times)
 */
public record DriftSettings(
        double jensenShannon,
        double lInfinity,
        double nullRateChange,
        double newCategoryMinShare,
        double recordCountChange) {

    /** TFDV's defaults for the two distances; the rest chosen to ignore sampling noise of batches of thousands. */
    public static final DriftSettings DEFAULTS = new DriftSettings(0.1, 0.1, 0.1, 0.01, 0.5);

    public DriftSettings {
        requireShare(jensenShannon, "jensenShannon");
        requireShare(lInfinity, "lInfinity");
        requireShare(nullRateChange, "nullRateChange");
        requireShare(newCategoryMinShare, "newCategoryMinShare");
        if (!(recordCountChange > 0)) {
            throw new IllegalArgumentException("recordCountChange must be above 0, was " + recordCountChange);
        }
    }

    private static void requireShare(double value, String name) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be above 0 and at most 1, was " + value);
        }
    }
}
