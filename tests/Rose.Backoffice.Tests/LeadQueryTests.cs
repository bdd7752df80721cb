using Rose.Backoffice.Pages.Components.Shared;
using Xunit;

namespace Rose.Backoffice.Tests;

public sealed class LeadQueryTests
{
    [Fact]
    public void ToFilter_takes_a_score_from_0_to_100_whole_days_and_yes_no_and_ignores_what_does_not_parse()
    {
        var filter = new LeadQuery(MinScore: "40", Intent: " pricing ", From: "2026-11-01", To: "2026-11-03", Email: "yes").ToFilter();
        var garbage = new LeadQuery(MinScore: "140", Intent: " ", From: "yesterday", To: "2026-13-40", Email: "maybe").ToFilter();
        var negative = new LeadQuery(MinScore: "-5").ToFilter();

        Assert.Equal(40, filter.MinScore);
        Assert.Equal("pricing", filter.Intent);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), filter.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero), filter.To);
        Assert.True(filter.HasEmail);
        Assert.Null(garbage.MinScore);
        Assert.Null(garbage.Intent);
        Assert.Null(garbage.From);
        Assert.Null(garbage.To);
        Assert.Null(garbage.HasEmail);
        Assert.Null(negative.MinScore);
    }

    [Fact]
    public void ToUrl_keeps_only_the_filters_that_are_set_so_the_csv_link_exports_the_same_leads()
    {
        var url = new LeadQuery(MinScore: "50", Intent: "demo-request", Email: "no").ToUrl("leads.csv");

        Assert.Equal("leads.csv?minScore=50&intent=demo-request&email=no", url);
        Assert.True(new LeadQuery().IsEmpty);
        Assert.False(new LeadQuery(Email: "yes").IsEmpty);
    }
}
