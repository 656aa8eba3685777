namespace Nop.Plugin.Misc.CustomFlows.Services.Backtests;

/// <summary>
/// What to backtest: a flow's draft or one of its versions over the last days of the shop's history
/// </summary>
/// <param name="FlowId">Flow identifier</param>
/// <param name="VersionNumber">A published version's number; null for the draft</param>
/// <param name="Days">How many days back, 1 to <see cref="FlowBacktestService.MaxDays"/></param>
public sealed record FlowBacktestRequest(int FlowId, int? VersionNumber, int Days);

/// <summary>
/// How far a backtest is
/// </summary>
/// <param name="Percent">0 to 100</param>
/// <param name="Phase">"reading" (the shop's history) or "simulating"</param>
public sealed record FlowBacktestProgress(int Percent, string Phase);

/// <summary>
/// What the flow would have done over the window, as the engine's loop decided it
/// </summary>
public sealed class FlowBacktestResult
{
    /// <summary>Gets or sets the flow</summary>
    public int FlowId { get; set; }

    /// <summary>Gets or sets the version number backtested; null for the draft</summary>
    public int? VersionNumber { get; set; }

    /// <summary>Gets or sets the start of the window</summary>
    public DateTime FromUtc { get; set; }

    /// <summary>Gets or sets the end of the window (when the backtest started)</summary>
    public DateTime ToUtc { get; set; }

    /// <summary>Gets or sets how many events of the shop's history were replayed</summary>
    public int Events { get; set; }

    /// <summary>Gets or sets how many customers the events were of</summary>
    public int Customers { get; set; }

    /// <summary>Gets or sets how many customers would have entered (runs)</summary>
    public int Entered { get; set; }

    /// <summary>Gets or sets why the others were not let in, by the engine's reason</summary>
    public SortedDictionary<string, int> NotEntered { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the messages sent, by channel</summary>
    public SortedDictionary<string, int> Sent { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets how many runs would have reached the goal</summary>
    public int GoalReached { get; set; }

    /// <summary>Gets or sets how many orders would have converted the flow: placed within the attribution window after one of its messages</summary>
    public int Converted { get; set; }

    /// <summary>Gets or sets the total of those orders</summary>
    public decimal Revenue { get; set; }

    /// <summary>Gets or sets the attribution window in days</summary>
    public int AttributionDays { get; set; }

    /// <summary>Gets or sets how many runs would still be waiting at the end of the window</summary>
    public int StillWaiting { get; set; }

    /// <summary>Gets or sets the figures of each step</summary>
    public List<Step> Steps { get; set; } = new();

    /// <summary>Gets or sets how many customers the guardrails would have held back (message budget or frequency cap)</summary>
    public int HeldBackCustomers { get; set; }

    /// <summary>Gets or sets the first of them, most often held back first</summary>
    public List<HeldBackCustomer> HeldBack { get; set; } = new();

    /// <summary>
    /// A step's figures
    /// </summary>
    public sealed class Step
    {
        /// <summary>Gets or sets the step id</summary>
        public string NodeId { get; set; }

        /// <summary>Gets or sets the step's kind (start, filter, wait, action, split, jump, end)</summary>
        public string Type { get; set; }

        /// <summary>Gets or sets how many runs arrived</summary>
        public int Entered { get; set; }

        /// <summary>Gets or sets filter answers</summary>
        public int PassedYes { get; set; }

        /// <summary>Gets or sets filter answers</summary>
        public int PassedNo { get; set; }

        /// <summary>Gets or sets the messages sent, by channel</summary>
        public SortedDictionary<string, int> Sent { get; set; } = new(StringComparer.Ordinal);

        /// <summary>Gets or sets how often the step was held for the guardrails</summary>
        public int Postponed { get; set; }

        /// <summary>Gets or sets how often the step's message was dropped by the guardrails</summary>
        public int Skipped { get; set; }

        /// <summary>Gets or sets the runs that reached the goal while at this step</summary>
        public int GoalReached { get; set; }

        /// <summary>Gets or sets the orders credited to this step's messages</summary>
        public int Converted { get; set; }

        /// <summary>Gets or sets the total of those orders</summary>
        public decimal Revenue { get; set; }
    }

    /// <summary>
    /// A customer the guardrails would have held back
    /// </summary>
    public sealed class HeldBackCustomer
    {
        /// <summary>Gets or sets the customer</summary>
        public int CustomerId { get; set; }

        /// <summary>Gets or sets the customer's e-mail address (for the admin, who can see it in nopCommerce anyway)</summary>
        public string Email { get; set; }

        /// <summary>Gets or sets how often a message to them was held or dropped</summary>
        public int Times { get; set; }

        /// <summary>Gets or sets which guardrails ("budget", "frequencyCap")</summary>
        public List<string> Guardrails { get; set; } = new();
    }
}

/// <summary>
/// A backtest that cannot run, in words for the admin
/// </summary>
public class FlowBacktestException : Exception
{
    /// <summary>
    /// Creates the exception
    /// </summary>
    /// <param name="resourceName">Locale resource of the message</param>
    /// <param name="message">The message in English (logs)</param>
    public FlowBacktestException(string resourceName, string message) : base(message)
    {
        ResourceName = resourceName;
    }

    /// <summary>
    /// The locale resource of the message
    /// </summary>
    public string ResourceName { get; }
}
