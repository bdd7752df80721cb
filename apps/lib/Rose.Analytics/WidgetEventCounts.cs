using Microsoft.EntityFrameworkCore;
using Rose.Analytics.Api;
using Rose.Analytics.Data;

namespace Rose.Analytics;

/// <summary>The current tenant's widget events counted per day and type, for the management API and the backoffice overview.</summary>
public sealed class WidgetEventCounts(AnalyticsDbContext db, TimeProvider clock)
{
    public const int MaxDays = 366;

    /// <summary>Counts of the last <paramref name="days"/> days (1 to <see cref="MaxDays"/>), by day then type.</summary>
    public async Task<IReadOnlyList<EventCount>> DailyAsync(int days, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-Math.Clamp(days, 1, MaxDays));
        var rows = await db.Events.AsNoTracking().Where(e => e.OccurredAt >= since)
            .Select(e => new { e.OccurredAt, e.Type })
            .ToListAsync(cancellationToken);
        // Grouped here: SQLite cannot group or order by a DateTimeOffset's date.
        return rows
            .GroupBy(r => (Day: DateOnly.FromDateTime(r.OccurredAt.UtcDateTime), r.Type))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Type, StringComparer.Ordinal)
            .Select(g => new EventCount(g.Key.Day, g.Key.Type, g.Count()))
            .ToList();
    }
}
