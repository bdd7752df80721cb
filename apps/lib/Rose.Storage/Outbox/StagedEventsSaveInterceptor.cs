using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rose.Storage.Outbox;

/// <summary>Signals the drainer after a SaveChanges that committed staged events on its own (no explicit transaction).</summary>
public sealed class StagedEventsSaveInterceptor(StagedEventsSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void NotifyIfCommitted(DbContext? context)
    {
        // Inside an explicit transaction the rows are not visible yet: the commit interceptor signals.
        if (context is not null && context.Database.CurrentTransaction is null && context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            signal.Notify();
        }
    }
}
