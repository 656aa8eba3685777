using Nop.Plugin.Misc.CustomFlows.Engine.Definition;
using Nop.Plugin.Misc.CustomFlows.Engine.Runtime;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Services.Runs;
using Nop.Plugin.Misc.CustomFlows.Simulation;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Replay;

/// <summary>
/// Replays one history through one template in both hosts: the simulator, and the shop with the template published
/// as its only flow. Both get the same guardrails (the shop's default settings), the same store time zone, the date
/// job at the same hour, the same reactions to messages and the same horizon.
/// </summary>
internal static class TemplateReplay
{
    public const int Customers = 50;
    public const int Days = 30;
    public const int Seed = 11;

    private static readonly TimeZoneInfo StoreTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    /// <summary>
    /// Plays the history in both hosts and returns what each made of it.
    /// </summary>
    /// <param name="template">The flow.</param>
    /// <param name="shopEvents">Changes the shop's copy of the history (to show that a difference is noticed); null for none.</param>
    public static async Task<Result> RunAsync(FlowTemplate template, Func<IReadOnlyList<SimulationEvent>, IReadOnlyList<SimulationEvent>> shopEvents = null)
    {
        var shop = new ReplayShop(StoreTimeZone);
        var flowId = await shop.PublishAsync(template);
        var options = new SimulationOptions
        {
            Guardrails = FlowRunPump.GuardrailsOf(shop.Settings),
            StoreTimeZone = StoreTimeZone,
            DailyJobAt = new TimeOnly(shop.Settings.DateTriggerHour, 0),
            //customers keener than the sample shop's, so a small history reaches the opened / clicked branches
            Responder = new SampleShopResponder { OpenRate = 0.6, ClickRate = 0.45, OrderRate = 0.3 }
        };

        //the simulator knows the flow by the id the shop gave it: split branches and random conditions hash the flow id
        var definition = template.CreateDefinition();
        definition.Id = flowId;
        definition.Version = 1;
        var flow = CompiledFlow.Compile(definition);

        var simulator = new FlowSimulator([flow], options);
        var simulatorTap = StepTap.Install(StepTap.ProcessorOf(simulator));
        var simulatorHistory = ReplayHistory.Generate(Customers, Days, Seed);
        var report = simulator.Run(simulatorHistory.Events, simulatorHistory.Customers);

        var shopHistory = ReplayHistory.Generate(Customers, Days, Seed);
        await shop.Nop.AddCustomersAsync(shopHistory);
        var shopTap = StepTap.Install(shop.Processor);
        var events = shopEvents == null ? shopHistory.Events : shopEvents(shopHistory.Events);
        await new ShopReplay(shop, options, flow.Trigger.Event == FlowEventType.Date).PlayAsync(events);

        return new Result(ReplayOutcome.OfSimulator(simulatorTap, simulator, report), ReplayOutcome.OfShop(shopTap, shop), report);
    }

    /// <summary>
    /// Both hosts' outcomes, and the simulator's report (to check what the history reached).
    /// </summary>
    public sealed record Result(ReplayOutcome Simulator, ReplayOutcome Shop, SimulationReport Report)
    {
        public IReadOnlyList<string> Differences => ReplayOutcome.Differences(Simulator, Shop);
    }
}
