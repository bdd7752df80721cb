using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rose.Storage.Outbox;

/// <summary>Signals the drainer when an explicit transaction that staged events commits.</summary>
public sealed class StagedEventsCommitInterceptor(StagedEventsSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        NotifyIfStaged(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfStaged(eventData.Context);
        return Task.CompletedTask;
    }

    private void NotifyIfStaged(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            signal.Notify();
        }
    }
}
