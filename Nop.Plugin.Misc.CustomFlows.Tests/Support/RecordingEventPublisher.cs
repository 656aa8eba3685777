using Nop.Core.Events;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

/// <summary>
/// An <see cref="IEventPublisher"/> that remembers what was published, in order, and can hand events to
/// handlers a test subscribes (standing in for nopCommerce's consumers).
/// </summary>
public class RecordingEventPublisher : IEventPublisher
{
    #region Fields

    private readonly List<Func<object, Task>> _handlers = [];
    private readonly List<PublishedEvent> _published = [];
    private readonly object _sync = new();

    #endregion

    #region Utilities

    private async Task DispatchAsync(object @event)
    {
        Func<object, Task>[] handlers;
        lock (_sync)
            handlers = [.. _handlers];

        foreach (var handler in handlers)
            await handler(@event);
    }

    private void Record(object @event, bool synchronously)
    {
        lock (_sync)
            _published.Add(new PublishedEvent(@event, synchronously));
    }

    #endregion

    #region Methods

    /// <inheritdoc />
    public async Task PublishAsync<TEvent>(TEvent @event)
    {
        Record(@event, false);
        await DispatchAsync(@event);
    }

    /// <inheritdoc />
    public void Publish<TEvent>(TEvent @event)
    {
        Record(@event, true);
        DispatchAsync(@event).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Gets the published events of one type, in order
    /// </summary>
    /// <typeparam name="TEvent">Event type</typeparam>
    /// <returns>The events</returns>
    public IReadOnlyList<TEvent> Of<TEvent>() => Events.OfType<TEvent>().ToList();

    /// <summary>
    /// Calls the handler for every later event of the given type
    /// </summary>
    /// <typeparam name="TEvent">Event type</typeparam>
    /// <param name="handler">Handler</param>
    public void Subscribe<TEvent>(Func<TEvent, Task> handler)
    {
        lock (_sync)
            _handlers.Add(e => e is TEvent typed ? handler(typed) : Task.CompletedTask);
    }

    /// <summary>
    /// Forgets the events published so far; subscriptions stay
    /// </summary>
    public void Clear()
    {
        lock (_sync)
            _published.Clear();
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets every publication so far, with how it was published
    /// </summary>
    public IReadOnlyList<PublishedEvent> Published
    {
        get
        {
            lock (_sync)
                return [.. _published];
        }
    }

    /// <summary>
    /// Gets every event published so far, in order
    /// </summary>
    public IReadOnlyList<object> Events => Published.Select(p => p.Event).ToList();

    #endregion

    #region Nested types

    /// <summary>
    /// One publication
    /// </summary>
    /// <param name="Event">The event</param>
    /// <param name="Synchronously">Whether it went through <see cref="IEventPublisher.Publish{TEvent}"/> rather than PublishAsync</param>
    public sealed record PublishedEvent(object Event, bool Synchronously);

    #endregion
}
