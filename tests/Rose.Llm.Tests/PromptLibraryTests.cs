using Microsoft.Extensions.Options;
using Rose.Llm.Configuration;
using Rose.Llm.Prompts;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class PromptLibraryTests
{
    private static readonly Dictionary<string, string> AllValues = new()
    {
        ["passages"] = "[1] Pricing\nThe Pro plan costs 49 euros.",
        ["question"] = "What does it cost?",
        ["count"] = "3",
        ["skills"] = "- contact\n- demo",
        ["labels"] = "- pricing\n- security",
        ["text"] = "Acme integrates with HubSpot.",
        ["visitor_company"] = "Globex Corporation",
    };

    [Fact]
    public void Every_purpose_ships_a_template_that_renders()
    {
        var library = new PromptLibrary(Options.Create(new LlmOptions()));

        foreach (var purpose in LlmPurposes.All)
        {
            Assert.NotEmpty(PromptLibrary.VersionsOf(purpose));
            var prompt = library.Render(purpose, "acme", null, AllValues);
            Assert.DoesNotContain("{{", prompt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_prefers_the_requests_voice_then_the_tenants_configuration_then_defaults()
    {
        var options = new LlmOptions();
        options.Tenants["acme"] = new TenantLlmOptions { AssistantName = "Ava", Tone = "formal", Language = "German" };
        var library = new PromptLibrary(Options.Create(options));

        var prompt = library.Render(LlmPurposes.Answer, "acme", new TenantVoice(Tone: "playful"), AllValues);

        Assert.StartsWith("You are Ava, " + PromptLibrary.DefaultPersona, prompt, StringComparison.Ordinal);
        Assert.Contains("Your tone is playful.", prompt, StringComparison.Ordinal);
        Assert.Contains("Write in German.", prompt, StringComparison.Ordinal);
        Assert.Contains("The Pro plan costs 49 euros.", prompt, StringComparison.Ordinal);
        Assert.Contains("as far as we know: Globex Corporation.", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_throws_when_a_placeholder_has_no_value()
    {
        var library = new PromptLibrary(Options.Create(new LlmOptions()));

        var withoutPassages = AllValues.Where(v => v.Key != "passages").ToDictionary();

        var error = Assert.Throws<InvalidOperationException>(() => library.Render(LlmPurposes.Answer, "acme", null, withoutPassages));

        Assert.Contains("{{passages}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_refuses_a_pinned_version_that_does_not_ship()
    {
        var options = new LlmOptions();
        options.PromptVersions[LlmPurposes.Answer] = "v9";
        var library = new PromptLibrary(Options.Create(options));

        var error = Assert.Throws<InvalidOperationException>(() => library.Render(LlmPurposes.Answer, "acme", null, AllValues));

        Assert.Contains("only v1, v2 ship", error.Message, StringComparison.Ordinal);
    }
}
