using Nop.Core;
using Nop.Core.Domain.Common;
using Nop.Core.Events;
using Nop.Plugin.Misc.CustomFlows.Domain;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Support;

[TestFixture]
public class InMemoryRepositoryTests
{
    private RecordingEventPublisher _events;
    private InMemoryRepository<Note> _notes;

    [SetUp]
    public void SetUp()
    {
        _events = new RecordingEventPublisher();
        _notes = new InMemoryRepository<Note>(_events);
    }

    [Test]
    public async Task Inserting_assigns_increasing_ids_to_the_callers_entities()
    {
        var first = new Note { Text = "a" };
        var second = new Note { Text = "b" };

        await _notes.InsertAsync(first);
        await _notes.InsertAsync([second, new Note { Text = "c" }]);

        Assert.That(first.Id, Is.EqualTo(1));
        Assert.That(second.Id, Is.EqualTo(2));
        Assert.That(_notes.Table.Select(n => n.Id), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task A_change_to_an_entity_reaches_the_store_only_through_update()
    {
        var note = new Note { Text = "draft" };
        await _notes.InsertAsync(note);

        note.Text = "changed but not saved";
        Assert.That((await _notes.GetByIdAsync(note.Id)).Text, Is.EqualTo("draft"), "the store keeps its own copy, as a database would");

        await _notes.UpdateAsync(note);
        Assert.That((await _notes.GetByIdAsync(note.Id)).Text, Is.EqualTo("changed but not saved"));
    }

    [Test]
    public async Task Changing_a_loaded_entity_does_not_change_the_store()
    {
        await _notes.InsertAsync(new Note { Text = "stored" });

        var loaded = _notes.Table.Single();
        loaded.Text = "mutated";

        Assert.That(_notes.Table.Single().Text, Is.EqualTo("stored"));
    }

    [Test]
    public async Task Async_insert_update_and_delete_publish_their_entity_events_through_PublishAsync()
    {
        var note = new Note { Text = "a" };

        await _notes.InsertAsync(note);
        await _notes.UpdateAsync(note);
        await _notes.DeleteAsync(note);

        Assert.That(_events.Events.Select(e => e.GetType()), Is.EqualTo(new[]
        {
            typeof(EntityInsertedEvent<Note>), typeof(EntityUpdatedEvent<Note>), typeof(EntityDeletedEvent<Note>)
        }));
        Assert.That(_events.Published.All(p => !p.Synchronously), Is.True);
        Assert.That(_events.Of<EntityInsertedEvent<Note>>().Single().Entity, Is.SameAs(note), "consumers get the caller's instance with its new id");
    }

    [Test]
    public void Sync_insert_update_and_delete_publish_their_entity_events_through_Publish()
    {
        var note = new Note { Text = "a" };

        _notes.Insert(note);
        _notes.Update(note);
        _notes.Delete(note);

        Assert.That(_events.Published, Has.Count.EqualTo(3));
        Assert.That(_events.Published.All(p => p.Synchronously), Is.True);
    }

    [Test]
    public async Task List_operations_publish_one_event_per_entity()
    {
        var notes = new List<Note> { new() { Text = "a" }, new() { Text = "b" } };

        await _notes.InsertAsync(notes);
        await _notes.UpdateAsync(notes);
        await _notes.DeleteAsync(notes);

        Assert.That(_events.Of<EntityInsertedEvent<Note>>(), Has.Count.EqualTo(2));
        Assert.That(_events.Of<EntityUpdatedEvent<Note>>(), Has.Count.EqualTo(2));
        Assert.That(_events.Of<EntityDeletedEvent<Note>>(), Has.Count.EqualTo(2));
        Assert.That(_notes.Table, Is.Empty);
    }

    [Test]
    public async Task Nothing_is_published_when_the_caller_asks_for_no_event()
    {
        var note = new Note { Text = "a" };

        await _notes.InsertAsync(note, publishEvent: false);
        await _notes.UpdateAsync(note, publishEvent: false);
        await _notes.DeleteAsync(note, publishEvent: false);

        Assert.That(_events.Events, Is.Empty);
    }

    [Test]
    public async Task Deleting_by_predicate_removes_the_matches_counts_them_and_publishes_nothing()
    {
        await _notes.InsertAsync([new Note { Text = "old" }, new Note { Text = "old" }, new Note { Text = "new" }]);
        _events.Clear();

        var deleted = await _notes.DeleteAsync(n => n.Text == "old");

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(_notes.Table.Select(n => n.Text), Is.EqualTo(new[] { "new" }));
        Assert.That(_events.Events, Is.Empty, "nopCommerce's bulk delete skips entity events");
    }

    [Test]
    public async Task Truncating_empties_the_table_without_events_and_keeps_counting_ids_unless_reset()
    {
        await _notes.InsertAsync([new Note(), new Note()]);
        _events.Clear();

        await _notes.TruncateAsync();
        var afterPlainTruncate = new Note();
        await _notes.InsertAsync(afterPlainTruncate);

        await _notes.TruncateAsync(resetIdentity: true);
        var afterReset = new Note();
        await _notes.InsertAsync(afterReset);

        Assert.That(afterPlainTruncate.Id, Is.EqualTo(3));
        Assert.That(afterReset.Id, Is.EqualTo(1));
        Assert.That(_events.Of<EntityDeletedEvent<Note>>(), Is.Empty);
    }

    [Test]
    public async Task Deleting_a_soft_deletable_entity_flags_it_and_hides_it_only_when_deleted_rows_are_excluded()
    {
        var repository = new InMemoryRepository<SoftNote>(_events);
        var note = new SoftNote();
        await repository.InsertAsync(note);

        await repository.DeleteAsync(note);

        Assert.That(note.Deleted, Is.True);
        Assert.That(_events.Of<EntityDeletedEvent<SoftNote>>(), Has.Count.EqualTo(1));
        Assert.That(await repository.GetByIdAsync(note.Id), Is.Not.Null, "includeDeleted defaults to true");
        Assert.That(await repository.GetByIdAsync(note.Id, includeDeleted: false), Is.Null);
        Assert.That(await repository.GetAllAsync(q => q, includeDeleted: false), Is.Empty);
        Assert.That((await repository.GetAllPagedAsync(q => q, includeDeleted: false)).TotalCount, Is.EqualTo(0));
        Assert.That(await repository.GetByIdsAsync([note.Id], includeDeleted: false), Is.Empty);
    }

    [Test]
    public async Task Getting_by_ids_returns_the_found_entities_in_the_requested_order()
    {
        await _notes.InsertAsync([new Note { Text = "1" }, new Note { Text = "2" }, new Note { Text = "3" }]);

        var found = await _notes.GetByIdsAsync([3, 99, 1]);

        Assert.That(found.Select(n => n.Text), Is.EqualTo(new[] { "3", "1" }));
    }

    [Test]
    public async Task Getting_by_a_missing_or_empty_id_returns_null()
    {
        await _notes.InsertAsync(new Note());

        Assert.That(await _notes.GetByIdAsync(null), Is.Null);
        Assert.That(await _notes.GetByIdAsync(0), Is.Null);
        Assert.That(_notes.GetById(42), Is.Null);
    }

    [Test]
    public async Task Getting_all_applies_the_query_function_sync_and_async()
    {
        await _notes.InsertAsync([new Note { Text = "b" }, new Note { Text = "a" }]);

        var sorted = await _notes.GetAllAsync(q => q.OrderBy(n => n.Text));
        var filtered = await _notes.GetAllAsync(q => Task.FromResult(q.Where(n => n.Text == "b")));
        var withAsyncKey = await _notes.GetAllAsync(q => Task.FromResult(q.Where(n => n.Text == "a")), _ => Task.FromResult<Nop.Core.Caching.CacheKey>(null));

        Assert.That(sorted.Select(n => n.Text), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(filtered.Single().Text, Is.EqualTo("b"));
        Assert.That(withAsyncKey.Single().Text, Is.EqualTo("a"));
        Assert.That(_notes.GetAll().Count, Is.EqualTo(2));
    }

    [Test]
    public async Task A_page_carries_nopCommerce_paging_arithmetic()
    {
        await _notes.InsertAsync(Enumerable.Range(1, 7).Select(i => new Note { Text = i.ToString() }).ToList());

        var page = await _notes.GetAllPagedAsync(q => q.OrderBy(n => n.Id), pageIndex: 1, pageSize: 3);

        Assert.That(page.Select(n => n.Text), Is.EqualTo(new[] { "4", "5", "6" }));
        Assert.That(page.TotalCount, Is.EqualTo(7));
        Assert.That(page.TotalPages, Is.EqualTo(3));
        Assert.That(page.PageIndex, Is.EqualTo(1));
        Assert.That(page.PageSize, Is.EqualTo(3));
        Assert.That(page.HasPreviousPage, Is.True);
        Assert.That(page.HasNextPage, Is.True);
    }

    [Test]
    public async Task Asking_only_for_the_total_count_returns_an_empty_page_with_the_count()
    {
        await _notes.InsertAsync([new Note(), new Note()]);

        var page = await _notes.GetAllPagedAsync(q => Task.FromResult(q), getOnlyTotalCount: true);

        Assert.That(page, Is.Empty);
        Assert.That(page.TotalCount, Is.EqualTo(2));
        Assert.That(page.TotalPages, Is.EqualTo(1), "the default page size holds everything");
        Assert.That(page.HasNextPage, Is.False);
    }

    [Test]
    public async Task The_original_copy_is_the_stored_state_not_the_callers_edits()
    {
        var note = new Note { Text = "saved" };
        await _notes.InsertAsync(note);
        note.Text = "edited";

        var original = await _notes.LoadOriginalCopyAsync(note);

        Assert.That(original.Text, Is.EqualTo("saved"));
        Assert.That(original, Is.Not.SameAs(note));
    }

    [Test]
    public async Task Updating_an_entity_that_is_not_stored_changes_nothing()
    {
        await _notes.UpdateAsync(new Note { Id = 5, Text = "ghost" });

        Assert.That(_notes.Table, Is.Empty);
    }

    [Test]
    public async Task The_schemas_unique_index_refuses_a_second_action_under_the_same_key()
    {
        var log = new InMemoryRepository<FlowActionLog>();
        await log.InsertAsync(new FlowActionLog { IdempotencyKey = "run:7|node:a|visit:1", NodeId = "a" });

        var duplicate = new FlowActionLog { IdempotencyKey = "RUN:7|node:a|visit:1", NodeId = "a" };

        Assert.That(async () => await log.InsertAsync(duplicate),
            Throws.InvalidOperationException.With.Message.Contains("UX_FlowActionLog_IdempotencyKey"),
            "keys compare case-insensitively, as under SQL Server's default collation");
        Assert.That(log.Table.Count(), Is.EqualTo(1));
        Assert.That(((RecordingEventPublisher)log.EventPublisher).Of<EntityInsertedEvent<FlowActionLog>>(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_batch_with_a_duplicate_key_is_refused_as_a_whole()
    {
        var log = new InMemoryRepository<FlowActionLog>();

        Assert.That(async () => await log.InsertAsync([
            new FlowActionLog { IdempotencyKey = "k1" },
            new FlowActionLog { IdempotencyKey = "k2" },
            new FlowActionLog { IdempotencyKey = "k1" }
        ]), Throws.InvalidOperationException);
        Assert.That(log.Table, Is.Empty);

        await log.InsertAsync(new FlowActionLog { IdempotencyKey = "k1" });
        Assert.That(log.Table.Single().Id, Is.EqualTo(1), "a refused batch uses up no ids");
    }

    [Test]
    public async Task Ending_a_run_frees_its_active_key_for_the_next_run()
    {
        var runs = new InMemoryRepository<FlowRun>();
        var first = new FlowRun { ActiveKey = FlowRunActiveKey.ForActive(1, 2, "") };
        await runs.InsertAsync(first);

        Assert.That(async () => await runs.InsertAsync(new FlowRun { ActiveKey = FlowRunActiveKey.ForActive(1, 2, "") }),
            Throws.InvalidOperationException, "one active run per flow, customer and entry key");

        first.ActiveKey = FlowRunActiveKey.ForEnded(first.Id);
        await runs.UpdateAsync(first);
        await runs.InsertAsync(new FlowRun { ActiveKey = FlowRunActiveKey.ForActive(1, 2, "") });

        Assert.That(runs.Table.Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task An_update_that_would_duplicate_a_unique_key_is_refused()
    {
        var states = new InMemoryRepository<CustomerFlowState>();
        await states.InsertAsync(new CustomerFlowState { CustomerId = 1 });
        var other = new CustomerFlowState { CustomerId = 2 };
        await states.InsertAsync(other);

        other.CustomerId = 1;

        Assert.That(async () => await states.UpdateAsync(other), Throws.InvalidOperationException);
        Assert.That(states.Table.Select(s => s.CustomerId), Is.EquivalentTo(new[] { 1, 2 }));
    }

    public class Note : BaseEntity
    {
        public string Text { get; set; }
    }

    public class SoftNote : BaseEntity, ISoftDeletedEntity
    {
        public bool Deleted { get; set; }
    }
}
