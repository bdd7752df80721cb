using Microsoft.EntityFrameworkCore;

namespace Rose.Storage.Outbox;

/// <summary>
/// The drainer's statements on <see cref="OutboxModel.Table"/>. They act for every tenant at once
/// (the drainer serves the whole database), which is why they bypass the tenant filter explicitly;
/// nothing here is reachable from a request.
/// </summary>
public sealed class OutboxRows(OutboxDbContext db)
{
    /// <summary>
    /// Takes up to <paramref name="limit"/> due, unsent rows that no other drainer holds, oldest first.
    /// One conditional UPDATE, so two drainers never take the same row while its claim lasts: on
    /// PostgreSQL the rows another drainer is claiming are skipped (<c>FOR UPDATE SKIP LOCKED</c>), on
    /// SQLite writers take turns. A drainer that dies leaves its rows to others once <paramref name="lease"/> passes.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(int limit, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var nowMs = now.ToUnixTimeMilliseconds();
        var until = now.Add(lease).ToUnixTimeMilliseconds();
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE rose_outbox SET claim_token = {token}, claimed_until = {until}
                WHERE id IN (
                    SELECT id FROM rose_outbox
                    WHERE sent_at IS NULL AND next_attempt_at <= {nowMs} AND (claimed_until IS NULL OR claimed_until <= {nowMs})
                    ORDER BY id LIMIT {limit}
                    FOR UPDATE SKIP LOCKED)
                """,
                cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE rose_outbox SET claim_token = {token}, claimed_until = {until}
                WHERE id IN (
                    SELECT id FROM rose_outbox
                    WHERE sent_at IS NULL AND next_attempt_at <= {nowMs} AND (claimed_until IS NULL OR claimed_until <= {nowMs})
                    ORDER BY id LIMIT {limit})
                """,
                cancellationToken);
        }

        return await db.Messages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.ClaimToken == token)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks a claimed row sent; false when the claim was lost (the lease passed and another drainer took it).</summary>
    public async Task<bool> MarkSentAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Claimed(message).ExecuteUpdateAsync(
            update => update
                .SetProperty(m => m.SentAt, now.ToUnixTimeMilliseconds())
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (long?)null),
            cancellationToken) == 1;

    /// <summary>Counts a failed send and makes the row due again after <paramref name="wait"/>.</summary>
    public Task RetryLaterAsync(OutboxMessage message, TimeSpan wait, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var next = now.Add(wait).ToUnixTimeMilliseconds();
        var reason = error.Length > 2000 ? error[..2000] : error;
        return Claimed(message).ExecuteUpdateAsync(
            update => update
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (long?)null),
            cancellationToken);
    }

    /// <summary>Gives a claimed row back untouched (it waits behind an earlier row of its tenant that failed).</summary>
    public Task ReleaseAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        Claimed(message).ExecuteUpdateAsync(
            update => update
                .SetProperty(m => m.ClaimToken, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (long?)null),
            cancellationToken);

    /// <summary>When the next unsent row falls due, or null when there is none.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var next = await db.Messages.IgnoreQueryFilters()
            .Where(m => m.SentAt == null)
            .MinAsync(m => (long?)m.NextAttemptAt, cancellationToken);
        return next is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>Rows of every tenant not yet accepted by the transport: the outbox's backlog.</summary>
    public Task<int> CountUnsentAsync(CancellationToken cancellationToken) =>
        db.Messages.IgnoreQueryFilters().CountAsync(m => m.SentAt == null, cancellationToken);

    /// <summary>Deletes rows sent before <paramref name="before"/>; returns how many.</summary>
    public Task<int> PurgeSentAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var cutoff = before.ToUnixTimeMilliseconds();
        return db.Messages.IgnoreQueryFilters()
            .Where(m => m.SentAt != null && m.SentAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private IQueryable<OutboxMessage> Claimed(OutboxMessage message) =>
        db.Messages.IgnoreQueryFilters().Where(m => m.Id == message.Id && m.ClaimToken == message.ClaimToken);
}
