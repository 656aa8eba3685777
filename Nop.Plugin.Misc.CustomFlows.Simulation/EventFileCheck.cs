namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// What <see cref="EventLineReader.Check"/> found in an event file.
/// </summary>
/// <param name="Events">Lines that are good events.</param>
/// <param name="Problems">The first bad lines, each with its line number and reason.</param>
/// <param name="MoreBadLines">Bad lines beyond <paramref name="Problems"/>, only counted.</param>
public sealed record EventFileCheck(int Events, IReadOnlyList<SimulationInputException> Problems, int MoreBadLines)
{
    /// <summary>Whether every line is a good event (or a comment).</summary>
    public bool IsValid => Problems.Count == 0;
}
