using System.Text.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Rose.Backoffice.Pages.Accounts;
using Rose.Chat.Skills;
using Rose.Storage;
using Rose.Tenancy;

namespace Rose.Standalone;

/// <summary>
/// Creates the demo tenant on first start, with the keys from configuration or fresh ones, and
/// prints how to use it. Generated keys are kept in the data folder (readable by the owner only)
/// so the next start can print them again; configured keys always win.
/// </summary>
public sealed class DemoTenantSeeder(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> options,
    IConfiguration configuration,
    ILogger<DemoTenantSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            return;
        }

        var credentialsFile = Path.Combine(RoseDataPath.Resolve(configuration), "demo-credentials.json");
        var saved = File.Exists(credentialsFile)
            ? JsonSerializer.Deserialize<DemoCredentials>(await File.ReadAllTextAsync(credentialsFile, cancellationToken))
            : null;

        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<TenantDirectory>();
        var existing = await directory.FindByIdAsync(DemoOptions.TenantId, cancellationToken);
        DemoCredentials credentials;
        if (existing is null)
        {
            var admin = scope.ServiceProvider.GetRequiredService<TenantAdministration>();
            var created = await admin.CreateAsync(
                new NewTenant(
                    DemoOptions.TenantId,
                    "Rose demo",
                    demo.AllowedOrigins.Count > 0 ? demo.AllowedOrigins : ["*"],
                    new WidgetSettingsView("Rose", "Hi! I am Rose. Ask me how to install, configure or run Rose.", "#c2185b", "#ffffff", "en"),
                    NullIfEmpty(demo.PublicKey),
                    NullIfEmpty(demo.ApiKey)),
                cancellationToken);
            credentials = new DemoCredentials(DemoOptions.TenantId, created.Tenant.PublicKey, created.ApiKey);
            using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Use(DemoOptions.TenantId))
            {
                await scope.ServiceProvider.GetRequiredService<SkillCatalog>().ReplaceAsync(DemoSkills.For(demo), cancellationToken);
            }
        }
        else
        {
            credentials = await ReconcileAsync(scope.ServiceProvider, existing, demo, saved, cancellationToken);
        }

        // The owner's password: configured, else the one a previous start generated, else a fresh one.
        var ownerPassword = NullIfEmpty(demo.OwnerPassword)
                            ?? (saved?.OwnerEmail == demo.OwnerEmail ? saved.OwnerPassword : null)
                            ?? RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        await scope.ServiceProvider.GetRequiredService<BackofficeAccounts>()
            .EnsureOwnerAsync(DemoOptions.TenantId, demo.OwnerEmail, ownerPassword, cancellationToken);
        credentials = credentials with
        {
            OwnerEmail = demo.OwnerEmail,
            OwnerPassword = string.IsNullOrEmpty(demo.OwnerPassword) ? ownerPassword : null,
        };

        if (string.IsNullOrEmpty(demo.ApiKey) || string.IsNullOrEmpty(demo.OwnerPassword))
        {
            // A configured key is a secret the operator keeps; only generated ones are written down.
            var kept = string.IsNullOrEmpty(demo.ApiKey) ? credentials : credentials with { ApiKey = saved?.ApiKey ?? string.Empty };
            await File.WriteAllTextAsync(credentialsFile, JsonSerializer.Serialize(kept), cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(credentialsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        // A generated key is printed so a new user can call the management API; a configured one is a secret the operator already has.
        var shownApiKey = string.IsNullOrEmpty(demo.ApiKey) ? credentials.ApiKey : "from Rose:Demo:ApiKey";
        logger.LogInformation(
            "Demo tenant '{TenantId}': widget key {PublicKey}, management API key {ApiKey} (set Rose:Demo:PublicKey and Rose:Demo:ApiKey to choose them)",
            credentials.TenantId, credentials.PublicKey, shownApiKey);
        logger.LogInformation(
            "Demo backoffice at /backoffice/login: e-mail {OwnerEmail}, password {OwnerPassword} (set Rose:Demo:OwnerEmail and Rose:Demo:OwnerPassword to choose them)",
            demo.OwnerEmail, credentials.OwnerPassword ?? "from Rose:Demo:OwnerPassword");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<DemoCredentials> ReconcileAsync(
        IServiceProvider services, TenantProfile existing, DemoOptions demo, DemoCredentials? saved, CancellationToken cancellationToken)
    {
        var apiKey = NullIfEmpty(demo.ApiKey) ?? NullIfEmpty(saved?.ApiKey);
        if (apiKey is not null)
        {
            var owner = await services.GetRequiredService<TenantDirectory>().FindByApiKeyAsync(apiKey, cancellationToken);
            if (owner?.TenantId != DemoOptions.TenantId)
            {
                // The configured key changed since the tenant was created: make it the key.
                using (services.GetRequiredService<ICurrentTenant>().Use(DemoOptions.TenantId))
                {
                    await services.GetRequiredService<TenantAdministration>().RotateApiKeyAsync(apiKey, cancellationToken);
                }
            }
        }

        return new DemoCredentials(existing.TenantId, existing.PublicKey, apiKey ?? "(set Rose:Demo:ApiKey to choose one)");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
