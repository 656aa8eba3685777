using System.Collections.Specialized;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace Nop.Plugin.Misc.CustomFlows.Scheduling;

/// <summary>
/// A Quartz scheduler factory whose schedulers are known only to the host that created them
/// </summary>
/// <remarks>
/// Quartz normally keeps every scheduler in one process-wide registry keyed by name, so a second
/// scheduler with the same name would silently be the first one. The plugin must neither collide with
/// another Quartz user in the shop's process nor stop two cluster nodes being hosted side by side
/// (as the cluster tests do), so each factory keeps its own registry.
/// </remarks>
internal sealed class IsolatedSchedulerFactory : StdSchedulerFactory
{
    private readonly PrivateSchedulerRepository _repository = new();

    public IsolatedSchedulerFactory(NameValueCollection properties) : base(properties)
    {
    }

    protected override ISchedulerRepository GetSchedulerRepository()
    {
        return _repository;
    }

    // Quartz loads its type-load helper with Type.GetType before any helper exists; the plugin's
    // assembly may not be reachable that way inside nopCommerce, so the helper is handed over directly.
    protected override Type LoadType(string typeName)
    {
        return new FlowTypeLoadHelper().LoadType(typeName);
    }

    private sealed class PrivateSchedulerRepository : ISchedulerRepository
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, IScheduler> _schedulers = new(StringComparer.OrdinalIgnoreCase);

        public void Bind(IScheduler scheduler)
        {
            lock (_lock)
            {
                if (!_schedulers.TryAdd(scheduler.SchedulerName, scheduler))
                    throw new SchedulerException($"Scheduler with name '{scheduler.SchedulerName}' already exists.");
            }
        }

        public void Remove(string schedulerName)
        {
            lock (_lock)
                _schedulers.Remove(schedulerName);
        }

        public IScheduler Lookup(string schedulerName)
        {
            lock (_lock)
                return _schedulers.GetValueOrDefault(schedulerName);
        }

        public List<IScheduler> LookupAll()
        {
            lock (_lock)
                return [.. _schedulers.Values];
        }
    }
}
