using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform.PubSub;
using Rose.Platform.Telemetry;
using Rose.Storage;
using Rose.Storage.Outbox;

namespace Rose.Platform.Dapr.DeadLetters;

/// <summary>
/// The dead letters the sidecar forwarded to this app. Listing serves staff across tenants; a replay
/// deletes the dead letter and stages the event, with its original id, for its original topic in one
/// transaction, so the outbox drainer publishes it once it is gone from the list (and not otherwise).
/// Subscribers that handled the event before skip it by its id; the one that failed runs again.
/// </summary>
public sealed class DaprDeadLetterStore(IServiceScopeFactory scopes, TimeProvider time) : IDeadLetterStore
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? tenantId, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeadLetterDbContext>();
        // Staff read across tenants, or one tenant when asked.
        var letters = db.DeadLetters.IgnoreQueryFilters().AsNoTracking();
        if (tenantId is not null)
        {
            letters = letters.Where(l => l.TenantId == tenantId);
        }

        var rows = await letters.OrderByDescending(l => l.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
        return [.. rows.Select(ToDeadLetter)];
    }

    /// <summary>Stores what the sidecar forwarded; false when it was stored before (a redelivery).</summary>
    public async Task<bool> StoreAsync(ReceivedDeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await using var scope = scopes.CreateAsyncScope();
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(letter.TenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<DeadLetterDbContext>();
            if (await db.DeadLetters.AnyAsync(l => l.Topic == letter.Topic && l.EventId == letter.EventId, cancellationToken))
            {
                return false;
            }

            letter.ReceivedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            db.DeadLetters.Add(letter);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                PlatformTelemetry.DeadLetters.Add(1, new KeyValuePair<string, object?>(PlatformTelemetry.Topic, letter.Topic));
                return true;
            }
            catch (DbUpdateException)
            {
                // Two deliveries of one dead letter raced: the unique index kept one.
                if (await StoredMeanwhileAsync(letter, cancellationToken))
                {
                    return false;
                }

                throw;
            }
        }
    }

    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeadLetterDbContext>();
        var letter = await db.DeadLetters.IgnoreQueryFilters().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (letter is null)
        {
            return false;
        }

        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(letter.TenantId))
        {
            db.DeadLetters.Remove(letter);
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                TenantId = letter.TenantId,
                EventId = letter.EventId,
                Topic = letter.Topic,
                // The reader subscribes on the pub/sub component only (AddRoseDeadLetterReader).
                PubSubName = DaprComponents.PubSub,
                EventType = letter.EventType ?? string.Empty,
                Payload = letter.Payload,
                CreatedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
                NextAttemptAt = 0,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another staff request replayed it first.
                return false;
            }
        }

        return true;
    }

    private async Task<bool> StoredMeanwhileAsync(ReceivedDeadLetter letter, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeadLetterDbContext>().DeadLetters.IgnoreQueryFilters()
            .AnyAsync(l => l.TenantId == letter.TenantId && l.Topic == letter.Topic && l.EventId == letter.EventId, cancellationToken);
    }

    private static DeadLetter ToDeadLetter(ReceivedDeadLetter letter)
    {
        using var data = JsonDocument.Parse(letter.Payload);
        // Dapr forwards no publish time in what is kept here; the time is when the dead letter arrived.
        var cloudEvent = new CloudEventEnvelope
        {
            Id = letter.EventId,
            Source = letter.Source ?? string.Empty,
            Type = letter.EventType ?? string.Empty,
            Time = DateTimeOffset.FromUnixTimeMilliseconds(letter.ReceivedAt),
            Topic = letter.Topic,
            PubSubName = DaprComponents.PubSub,
            Data = data.RootElement.Clone(),
        };
        return new DeadLetter(
            letter.Id,
            letter.EventId,
            letter.TenantId,
            letter.Topic,
            letter.Subscriber,
            Attempts: null,
            letter.Error,
            DateTimeOffset.FromUnixTimeMilliseconds(letter.ReceivedAt),
            JsonSerializer.Serialize(cloudEvent, PlatformJson.Options));
    }
}
