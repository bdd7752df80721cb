using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Data;
using Rose.Chat.Skills;
using Rose.Storage;
using Rose.Testing;
using Xunit;

namespace Rose.Chat.Tests;

/// <summary>One skill at a time: add, edit, reorder, enable / disable, delete; what the widget is offered; tenant isolation.</summary>
public sealed class SkillCatalogTests : IAsyncLifetime
{
    private readonly RoseAppFactory<Program> app = new RoseAppFactory<Program>().With("Rose:Demo:Enabled", "false");
    private (string TenantId, string PublicKey, string ApiKey) acme;
    private (string TenantId, string PublicKey, string ApiKey) globex;

    public async Task InitializeAsync()
    {
        var client = new ChatClient(app);
        acme = await client.CreateTenantAsync("acme", "https://www.acme.test");
        globex = await client.CreateTenantAsync("globex", "https://www.globex.test");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Single_skill_changes_keep_the_order_and_a_disabled_skill_is_not_in_the_widget_config()
    {
        await InTenantAsync(acme.TenantId, async catalog =>
        {
            await catalog.AddAsync(Skill("book-demo", "Book a demo"), CancellationToken.None);
            await catalog.AddAsync(Skill("pricing", "See pricing"), CancellationToken.None);
            await catalog.AddAsync(Skill("sales", "Talk to sales"), CancellationToken.None);

            Assert.True(await catalog.MoveAsync("sales", up: true, CancellationToken.None));
            Assert.False(await catalog.MoveAsync("book-demo", up: true, CancellationToken.None));
            Assert.True(await catalog.SetEnabledAsync("pricing", false, CancellationToken.None));
            var edited = await catalog.UpdateAsync("book-demo", Skill("ignored", "Book a 20-minute demo"), CancellationToken.None);
            Assert.Equal("book-demo", edited!.Id);

            var all = await catalog.ListAsync(CancellationToken.None);
            Assert.Equal(["book-demo", "sales", "pricing"], all.Select(s => s.Id));
            Assert.Equal("Book a 20-minute demo", all[0].Label);
            Assert.False(all[2].Enabled);
            Assert.Equal(["book-demo", "sales"], (await catalog.ListOfferedAsync(CancellationToken.None)).Select(s => s.Id));
        });

        using var widget = new ChatClient(app).Widget(acme.PublicKey);
        var config = await widget.GetFromJsonAsync<JsonElement>("/rose/v1/widget/config");
        Assert.Equal(["book-demo", "sales"], config.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        await InTenantAsync(acme.TenantId, async catalog =>
        {
            Assert.True(await catalog.DeleteAsync("sales", CancellationToken.None));
            Assert.False(await catalog.DeleteAsync("sales", CancellationToken.None));
            Assert.Equal(["book-demo", "pricing"], (await catalog.ListAsync(CancellationToken.None)).Select(s => s.Id));
        });
    }

    [Fact]
    public async Task AddAsync_names_each_bad_field_and_a_taken_id_and_stores_nothing()
    {
        await InTenantAsync(acme.TenantId, async catalog =>
        {
            await catalog.AddAsync(Skill("taken", "Taken"), CancellationToken.None);

            var bad = await Assert.ThrowsAsync<SkillValidationException>(() =>
                catalog.AddAsync(Skill("fine-id", " ") with { Url = "javascript:alert(1)" }, CancellationToken.None));
            var taken = await Assert.ThrowsAsync<SkillValidationException>(() => catalog.AddAsync(Skill("taken", "Again"), CancellationToken.None));

            Assert.Equal(["label", "url"], bad.Errors.Keys.Order());
            Assert.Equal(["id"], taken.Errors.Keys);
            Assert.Equal(["taken"], (await catalog.ListAsync(CancellationToken.None)).Select(s => s.Id));
        });
    }

    [Fact]
    public async Task Another_tenants_skill_cannot_be_changed_moved_or_deleted()
    {
        await InTenantAsync(globex.TenantId, catalog => catalog.AddAsync(Skill("globex-demo", "Globex demo"), CancellationToken.None));

        await InTenantAsync(acme.TenantId, async catalog =>
        {
            Assert.Null(await catalog.UpdateAsync("globex-demo", Skill("globex-demo", "Hijacked"), CancellationToken.None));
            Assert.False(await catalog.SetEnabledAsync("globex-demo", false, CancellationToken.None));
            Assert.False(await catalog.MoveAsync("globex-demo", up: false, CancellationToken.None));
            Assert.False(await catalog.DeleteAsync("globex-demo", CancellationToken.None));
        });

        await InTenantAsync(globex.TenantId, async catalog =>
        {
            var skill = Assert.Single(await catalog.ListOfferedAsync(CancellationToken.None));
            Assert.Equal("Globex demo", skill.Label);
        });
    }

    private static SkillSettings Skill(string id, string label) =>
        new(id, SkillType.BookDemo, label, $"When the visitor wants to {label.ToLowerInvariant()}.", null, "https://www.acme.test/" + id, false);

    private async Task InTenantAsync(string tenantId, Func<SkillCatalog, Task> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(tenantId);
        await act(scope.ServiceProvider.GetRequiredService<SkillCatalog>());
    }
}
