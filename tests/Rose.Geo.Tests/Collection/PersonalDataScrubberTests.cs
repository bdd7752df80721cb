using Rose.Geo.Collection;
using Xunit;

namespace Rose.Geo.Tests.Collection;

public sealed class PersonalDataScrubberTests
{
    [Theory]
    [InlineData("Can you tell me how to launch Rose with Dapr? My email is jane.doe@acme-corp.com", "Can you tell me how to launch Rose with Dapr?")]
    [InlineData("I'm Marcus Lindqvist from Nordwind. How do I run Rose with Dapr?", "How do I run Rose with Dapr?")]
    [InlineData("What are the steps to deploy Rose on k8s? Call me on +44 20 7946 0958", "What are the steps to deploy Rose on k8s?")]
    [InlineData("Which factors make up a lead's score? Thanks, Priya", "Which factors make up a lead's score?")]
    [InlineData("my name is Anna, do you support SSO?", "do you support SSO?")]
    [InlineData("How much does it cost for 10 seats?", "How much does it cost for 10 seats?")]
    public void Scrub_removes_contact_data_and_given_names_and_keeps_the_need(string asked, string kept) =>
        Assert.Equal(kept, PersonalDataScrubber.Scrub(asked, []));

    [Fact]
    public void Scrub_removes_the_name_the_visitor_left_in_the_lead_form_wherever_it_appears()
    {
        var scrubbed = PersonalDataScrubber.Scrub("Hello, raman here again (priya): is there an API for leads?", ["Priya Raman"]);

        Assert.DoesNotContain("priya", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("raman", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("is there an API for leads?", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_drops_a_message_that_was_only_contact_data() =>
        Assert.Equal(string.Empty, PersonalDataScrubber.Scrub("jane@acme.test +1 555 123 4567", []));
}
