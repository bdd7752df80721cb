using Microsoft.EntityFrameworkCore;
using Rose.Analytics.Conversions;
using Rose.Analytics.Data;

namespace Rose.Analytics.Funnel;

/// <summary>
/// The current tenant's funnel, impression → open → message → skill click → conversion, counted from
/// the widget's events and the recorded conversions, by day and by skill.
/// </summary>
public sealed class FunnelReport(AnalyticsDbContext db, TimeProvider clock)
{
    /// <summary>The last <paramref name="days"/> days up to today (UTC), today included.</summary>
    public async Task<FunnelView> LastDaysAsync(int days, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, WidgetEventCounts.MaxDays);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(1 - days);
        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.OccurredAt >= since && (e.Type == "impression" || e.Type == "open" || e.Type == "message" || e.Type == "cta_click"))
            .Select(e => new { e.OccurredAt, e.Type, e.Data })
            .ToListAsync(cancellationToken);
        var conversions = await db.Conversions.AsNoTracking()
            .Where(c => c.OccurredAt >= since)
            .Select(c => new { c.OccurredAt, c.SkillId })
            .ToListAsync(cancellationToken);

        // Grouped here: SQLite cannot group by a DateTimeOffset's date; a tenant's period is small enough.
        var byDay = new List<FunnelDay>(days);
        for (var day = from; day <= today; day = day.AddDays(1))
        {
            var d = day;
            var ofDay = events.Where(e => DateOnly.FromDateTime(e.OccurredAt.UtcDateTime) == d).ToList();
            byDay.Add(new FunnelDay(
                d,
                ofDay.Count(e => e.Type == "impression"),
                ofDay.Count(e => e.Type == "open"),
                ofDay.Count(e => e.Type == "message"),
                ofDay.Count(e => e.Type == "cta_click"),
                conversions.Count(c => DateOnly.FromDateTime(c.OccurredAt.UtcDateTime) == d)));
        }

        var clicks = events.Where(e => e.Type == "cta_click").Select(e => ConversionRecorder.SkillOf(e.Data)).OfType<string>()
            .GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var converted = conversions.Select(c => c.SkillId).OfType<string>()
            .GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var skills = clicks.Keys.Union(converted.Keys, StringComparer.Ordinal)
            .Select(s => new FunnelSkill(s, clicks.GetValueOrDefault(s), converted.GetValueOrDefault(s)))
            .OrderByDescending(s => s.Clicks).ThenBy(s => s.SkillId, StringComparer.Ordinal)
            .ToList();
        var totals = new FunnelDay(
            today,
            byDay.Sum(d => d.Impressions), byDay.Sum(d => d.Opens), byDay.Sum(d => d.Messages), byDay.Sum(d => d.SkillClicks), byDay.Sum(d => d.Conversions));
        return new FunnelView(from, today, totals, byDay, skills);
    }
}
