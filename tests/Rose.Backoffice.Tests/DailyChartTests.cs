using Bunit;
using Rose.Backoffice.Pages.Components.Shared;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The overview's daily chart: one bar per day of the range, scaled to the busiest day, with the figures as a table too.</summary>
public sealed class DailyChartTests : BunitContext
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Fact]
    public void Every_day_of_the_range_gets_a_bar_scaled_to_the_busiest_day()
    {
        var chart = Render<DailyChart>(p => p
            .Add(c => c.Title, "Questions asked per day")
            .Add(c => c.From, Monday)
            .Add(c => c.To, Monday.AddDays(6))
            .Add(c => c.Values, new Dictionary<DateOnly, int> { [Monday] = 40, [Monday.AddDays(2)] = 10, [Monday.AddDays(3)] = 1 }));

        var heights = chart.FindAll("rect").Select(r => int.Parse(r.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([80, 0, 20, 2, 0, 0, 0], heights);
        Assert.Equal("2026-12-02: 10", chart.FindAll("rect title")[2].TextContent);
        Assert.Equal(7, chart.FindAll("table tbody tr").Count);
        Assert.Equal("Questions asked per day", chart.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void A_range_without_events_draws_empty_bars_not_an_error()
    {
        var chart = Render<DailyChart>(p => p
            .Add(c => c.Title, "Questions")
            .Add(c => c.From, Monday)
            .Add(c => c.To, Monday.AddDays(1))
            .Add(c => c.Values, new Dictionary<DateOnly, int>()));

        Assert.All(chart.FindAll("rect"), r => Assert.Equal("0", r.GetAttribute("height")));
        Assert.Equal("Questions: none in this period yet.", chart.Find("figcaption").TextContent);
    }
}
