using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>One app with two tenants: acme (with the Acme knowledge base and skills) and globex (empty).</summary>
public sealed class AcmeFixture : IAsyncLifetime
{
    public RoseAppFactory<Program> App { get; } = new RoseAppFactory<Program>()
        .With("Rose:Demo:Enabled", "false")
        .With("Rose:Chat:ConversationsPerMinutePerVisitor", "1000")
        .With("Rose:Chat:MessagesPerMinutePerVisitor", "1000");

    public ChatClient Client => new(App);

    public (string TenantId, string PublicKey, string ApiKey) Acme { get; private set; }

    public (string TenantId, string PublicKey, string ApiKey) Globex { get; private set; }

    public async Task InitializeAsync()
    {
        Acme = await Client.CreateTenantAsync("acme", "https://www.acme.test");
        Globex = await Client.CreateTenantAsync("globex", "https://www.globex.test");
        await Client.IndexAsync(Acme.ApiKey, "Running Acme Rocket", AcmeKnowledge.RunUrl, AcmeKnowledge.Run);
        await Client.IndexAsync(Acme.ApiKey, "Pricing", AcmeKnowledge.PricingUrl, AcmeKnowledge.Pricing);
        await Client.IndexAsync(Acme.ApiKey, "Partners", AcmeKnowledge.PartnersUrl, AcmeKnowledge.Partners);
        await Client.PutSkillsAsync(Acme.ApiKey, AcmeKnowledge.Skills);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
