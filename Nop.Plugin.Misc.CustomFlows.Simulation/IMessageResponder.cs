using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;

namespace Nop.Plugin.Misc.CustomFlows.Simulation;

/// <summary>
/// How simulated customers react to the messages flows send them (open, click, order). A recorded
/// history cannot know which messages a new flow would send, so a demo or a what-if simulation plugs
/// in a model of the customers here; without one, only the event stream happens.
/// </summary>
public interface IMessageResponder
{
    /// <summary>
    /// The customer's reactions to a message that was just sent, each at or after <see cref="FlowEffect.CreatedOnUtc"/>.
    /// Must be deterministic (same effect, same answer) so simulations can be repeated.
    /// </summary>
    /// <param name="effect">The e-mail or pop-up sent.</param>
    /// <param name="customer">Who got it (facts as of now).</param>
    IEnumerable<SimulationEvent> Respond(FlowEffect effect, SimulatedCustomer customer);
}
