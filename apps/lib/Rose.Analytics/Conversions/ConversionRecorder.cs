using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rose.Analytics.Data;
using Rose.Analytics.Events;
using Rose.Chat.Data;
using Rose.Platform.PubSub;
using Rose.Storage;

namespace Rose.Analytics.Conversions;

/// <summary>
/// Records conversions for the current tenant, once per external id, attributed to the visitor's last
/// conversation within <see cref="AttributionWindow"/> and to the skill last clicked in it.
/// </summary>
public sealed class ConversionRecorder(AnalyticsDbContext db, ChatDbContext chat, ICurrentTenant currentTenant, TimeProvider clock)
{
    public static readonly TimeSpan AttributionWindow = TimeSpan.FromDays(30);

    /// <summary>The recorded conversion and whether it was already recorded (same external id).</summary>
    public async Task<(ConversionView View, bool Duplicate)> RecordAsync(ValidConversion conversion, CancellationToken cancellationToken)
    {
        if (await FindAsync(conversion.ExternalId, cancellationToken) is { } existing)
        {
            return (existing, true);
        }

        var (conversationId, visitorId) = await AttributeAsync(conversion, cancellationToken);
        var skillId = conversationId is null ? null : await LastSkillClickedAsync(conversationId, conversion.OccurredAt, cancellationToken);
        var row = new Conversion
        {
            Id = Guid.CreateVersion7().ToString("N"),
            ExternalId = conversion.ExternalId,
            Type = conversion.Type,
            VisitorId = visitorId,
            ConversationId = conversationId,
            SkillId = skillId,
            Value = conversion.Value,
            OccurredAt = conversion.OccurredAt,
            ReceivedAt = clock.GetUtcNow(),
        };
        db.Conversions.Add(row);
        var tenantId = currentTenant.TenantId ?? throw new TenantRequiredException();
        db.StageEvent(new ConversionRecorded(tenantId, row.Id, row.Type, row.ExternalId, row.VisitorId, row.ConversationId, row.SkillId, row.Value, row.OccurredAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two calls with the same external id at once: the unique index let one in; this one is its duplicate.
            db.ChangeTracker.Clear();
            if (await FindAsync(conversion.ExternalId, cancellationToken) is { } raced)
            {
                return (raced, true);
            }

            throw;
        }

        return (View(row), false);
    }

    private async Task<ConversionView?> FindAsync(string externalId, CancellationToken cancellationToken) =>
        await db.Conversions.AsNoTracking().SingleOrDefaultAsync(c => c.ExternalId == externalId, cancellationToken) is { } row ? View(row) : null;

    /// <summary>The visitor's last conversation that was active within the window before the conversion (and started before it).</summary>
    private async Task<(string? ConversationId, string? VisitorId)> AttributeAsync(ValidConversion conversion, CancellationToken cancellationToken)
    {
        var visitorId = conversion.VisitorId;
        if (visitorId is null && conversion.ConversationId is { } given)
        {
            visitorId = await chat.Conversations.AsNoTracking().Where(c => c.Id == given).Select(c => c.VisitorId).SingleOrDefaultAsync(cancellationToken);
            if (visitorId is null)
            {
                // An anonymous visit (no visitor id): that conversation alone is the candidate.
                return (await InWindowAsync(chat.Conversations.Where(c => c.Id == given), conversion.OccurredAt, cancellationToken), null);
            }
        }

        if (visitorId is null)
        {
            return (null, null);
        }

        return (await InWindowAsync(chat.Conversations.Where(c => c.VisitorId == visitorId), conversion.OccurredAt, cancellationToken), visitorId);
    }

    private static async Task<string?> InWindowAsync(IQueryable<Rose.Chat.Data.Conversation> candidates, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var rows = await candidates.AsNoTracking().Select(c => new { c.Id, c.CreatedAt, c.LastActivityAt }).ToListAsync(cancellationToken);
        var since = occurredAt - AttributionWindow;
        // Filtered and ordered here: SQLite cannot compare DateTimeOffsets in SQL; one visitor has few conversations.
        return rows.Where(c => c.CreatedAt <= occurredAt && c.LastActivityAt >= since)
            .OrderByDescending(c => c.LastActivityAt).Select(c => c.Id).FirstOrDefault();
    }

    private async Task<string?> LastSkillClickedAsync(string conversationId, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var clicks = await db.Events.AsNoTracking()
            .Where(e => e.ConversationId == conversationId && e.Type == "cta_click" && e.OccurredAt <= before)
            .Select(e => new { e.OccurredAt, e.Data })
            .ToListAsync(cancellationToken);
        return clicks.OrderByDescending(c => c.OccurredAt).Select(c => SkillOf(c.Data)).FirstOrDefault(s => s is not null);
    }

    /// <summary>The <c>skillId</c> the widget puts in a <c>cta_click</c>'s data.</summary>
    internal static string? SkillOf(string? data)
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(data);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("skillId", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= 64 } skill ? skill : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ConversionView View(Conversion c) => new(c.Id, c.Type, c.ExternalId, c.ConversationId, c.SkillId, c.Value, c.OccurredAt);
}
