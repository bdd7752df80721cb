using Bunit;
using Rose.Backoffice.Pages.Components.Shared;
using Xunit;

namespace Rose.Backoffice.Tests;

/// <summary>The conversation list's filters: what the form shows, and how the query string becomes a filter and back.</summary>
public sealed class ConversationFiltersTests : BunitContext
{
    [Fact]
    public void Form_shows_the_current_filters_and_offers_to_clear_them()
    {
        var form = Render<ConversationFilters>(p => p.Add(f => f.Query, new ConversationQuery(From: "2026-11-01", Answered: "no", Text: "dapr")));

        Assert.Equal("dapr", form.Find("#q").GetAttribute("value"));
        Assert.Equal("2026-11-01", form.Find("#from").GetAttribute("value"));
        Assert.True(form.Find("#answered option[value=no]").HasAttribute("selected"));
        Assert.False(form.Find("#email option[value=yes]").HasAttribute("selected"));
        Assert.Equal("Clear", form.Find("a[href=conversations]").TextContent);
    }

    [Fact]
    public void Form_without_filters_has_nothing_to_clear()
    {
        var form = Render<ConversationFilters>(p => p.Add(f => f.Query, new ConversationQuery(After: "cursor")));

        Assert.Empty(form.FindAll("a[href=conversations]"));
        Assert.True(form.Find("#answered option[value='']").HasAttribute("selected"));
    }

    [Fact]
    public void ToFilter_takes_whole_days_and_yes_no_and_ignores_what_does_not_parse()
    {
        var filter = new ConversationQuery(From: "2026-11-01", To: "2026-11-03", Answered: "yes", Email: "maybe", Company: "Wayne").ToFilter();
        var garbage = new ConversationQuery(From: "yesterday", To: "2026-13-40").ToFilter();

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), filter.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero), filter.To);
        Assert.True(filter.Answered);
        Assert.Null(filter.Email);
        Assert.Equal("Wayne", filter.Company);
        Assert.Null(garbage.From);
        Assert.Null(garbage.To);
    }

    [Fact]
    public void ToUrl_keeps_only_the_filters_that_are_set_and_the_next_page()
    {
        var url = new ConversationQuery(Text: "price & plans", Email: "yes").WithAfter("abc").ToUrl("conversations");

        Assert.Equal("conversations?email=yes&q=price%20%26%20plans&after=abc", url);
    }
}
