namespace Nop.Plugin.Misc.CustomFlows.Services.Reports;

/// <summary>
/// The difference of two conversion rates (a treated branch minus the holdout) with its 95% confidence interval,
/// by the normal approximation for the difference of two independent proportions:
/// diff ± 1.96 · sqrt(p1(1−p1)/n1 + p2(1−p2)/n2). Rates and bounds are fractions (0.02 is two percentage points).
/// </summary>
/// <param name="Difference">p1 − p2</param>
/// <param name="StandardError">The standard error of the difference</param>
/// <param name="Lower">Lower bound of the 95% interval</param>
/// <param name="Upper">Upper bound of the 95% interval</param>
public sealed record UpliftInterval(double Difference, double StandardError, double Lower, double Upper)
{
    /// <summary>
    /// The two-sided 95% quantile of the standard normal distribution, as the report states it
    /// </summary>
    public const double Z95 = 1.96;

    /// <summary>
    /// Computes the uplift of a treated group over a control group
    /// </summary>
    /// <param name="treatedRuns">Runs in the treated branch (n1)</param>
    /// <param name="treatedConverted">Of those, converted (c1)</param>
    /// <param name="controlRuns">Runs in the holdout (n2)</param>
    /// <param name="controlConverted">Of those, converted (c2)</param>
    /// <returns>The uplift; null when either group has no runs, because a rate of nothing is not zero</returns>
    public static UpliftInterval Compute(int treatedRuns, int treatedConverted, int controlRuns, int controlConverted)
    {
        if (treatedRuns <= 0 || controlRuns <= 0)
            return null;
        if (treatedConverted < 0 || treatedConverted > treatedRuns)
            throw new ArgumentOutOfRangeException(nameof(treatedConverted), "Converted runs are between 0 and the runs of the group.");
        if (controlConverted < 0 || controlConverted > controlRuns)
            throw new ArgumentOutOfRangeException(nameof(controlConverted), "Converted runs are between 0 and the runs of the group.");

        var p1 = (double)treatedConverted / treatedRuns;
        var p2 = (double)controlConverted / controlRuns;
        var difference = p1 - p2;
        var standardError = Math.Sqrt(p1 * (1 - p1) / treatedRuns + p2 * (1 - p2) / controlRuns);
        return new UpliftInterval(difference, standardError, difference - Z95 * standardError, difference + Z95 * standardError);
    }
}
