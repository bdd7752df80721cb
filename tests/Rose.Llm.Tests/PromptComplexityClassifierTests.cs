using Rose.Llm.Routing;
using Xunit;

namespace Rose.Llm.Tests;

public sealed class PromptComplexityClassifierTests
{
    private readonly PromptComplexityClassifier classifier = new();

    [Theory]
    [InlineData("What does it cost?")]
    [InlineData("Do you have an API?")]
    [InlineData("Where is my data hosted?")]
    [InlineData("Combien coûte l'offre Pro ?")]
    [InlineData("Is there a free trial?")]
    public void Classify_finds_short_factual_questions_simple(string question) =>
        Assert.Equal(PromptComplexity.Simple, classifier.Classify(question));

    [Theory]
    [InlineData("How does your SSO integration compare with Okta and Azure AD, and why would we migrate our existing SAML setup?")]
    [InlineData("Can you explain the difference between the Pro and Enterprise plans? Which one should I pick for a team of 40 with strict GDPR needs?")]
    [InlineData("Quelle est la différence entre l'offre Pro et l'offre Enterprise, et pourquoi choisir l'une plutôt que l'autre ?")]
    [InlineData("Why does the webhook return {\"status\": 401} when I call it with my token?")]
    public void Classify_finds_multi_part_or_reasoning_questions_complex(string question) =>
        Assert.Equal(PromptComplexity.Complex, classifier.Classify(question));

    [Fact]
    public void Score_grows_with_the_questions_demands()
    {
        Assert.True(classifier.Score("Price?") < classifier.Score("What is the price of the Pro plan and how does it compare with Enterprise?"));
    }
}
