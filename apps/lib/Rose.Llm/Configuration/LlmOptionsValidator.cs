using Microsoft.Extensions.Options;

namespace Rose.Llm.Configuration;

/// <summary>
/// Checks <c>Rose:Llm</c> when the app starts, so that a typo in a provider name or a missing key
/// stops the deployment with a message naming the setting, not the first visitor's question.
/// </summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var errors = new List<string>();
        foreach (var (providerName, provider) in options.Providers)
        {
            ValidateProvider($"{LlmOptions.SectionName}:Providers:{providerName}", provider, errors);
        }

        foreach (var (purpose, chain) in options.Purposes)
        {
            var key = $"{LlmOptions.SectionName}:Purposes:{purpose}";
            if (!LlmPurposes.IsKnown(purpose))
            {
                errors.Add($"{key}: unknown purpose '{purpose}'; known purposes are {string.Join(", ", LlmPurposes.All)}.");
            }

            ValidateChain(key, chain, options, errors, requireLinks: true);
        }

        if (!string.IsNullOrWhiteSpace(options.DefaultChain))
        {
            ValidateChain($"{LlmOptions.SectionName}:DefaultChain", options.DefaultChain, options, errors, requireLinks: true);
        }

        ValidateEmbeddings(options, errors);
        ValidateResilience(options.Resilience, errors);
        if (options.MonthlyTokenBudget < 0)
        {
            errors.Add($"{LlmOptions.SectionName}:MonthlyTokenBudget must be 0 (unlimited) or more.");
        }

        foreach (var (tenantId, tenant) in options.Tenants.Where(t => t.Value.MonthlyTokenBudget < 0))
        {
            errors.Add($"{LlmOptions.SectionName}:Tenants:{tenantId}:MonthlyTokenBudget must be 0 or more.");
        }

        if (options.BudgetCounterIdle < TimeSpan.FromSeconds(1) || options.BudgetCounterIdle > TimeSpan.FromDays(1))
        {
            errors.Add($"{LlmOptions.SectionName}:BudgetCounterIdle must be between 1 second and 1 day.");
        }

        if (options.MaxOutputTokens <= 0)
        {
            errors.Add($"{LlmOptions.SectionName}:MaxOutputTokens must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateProvider(string key, LlmProviderOptions provider, List<string> errors)
    {
        if (provider.Kind is null)
        {
            errors.Add($"{key}:Kind is required: one of {string.Join(", ", Enum.GetNames<LlmProviderKind>())}.");
            return;
        }

        var kind = provider.Kind.Value;
        if (provider.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{key}:Endpoint '{endpoint}' must be an absolute http or https address.");
        }

        if (provider.Endpoint is null && kind is LlmProviderKind.OpenAICompatible or LlmProviderKind.AzureOpenAI)
        {
            errors.Add($"{key}:Endpoint is required for {kind} (e.g. {(kind == LlmProviderKind.AzureOpenAI ? "https://myresource.openai.azure.com" : "http://localhost:11434/v1")}).");
        }

        if (kind == LlmProviderKind.AzureOpenAI && string.IsNullOrWhiteSpace(provider.Deployment))
        {
            errors.Add($"{key}:Deployment is required for AzureOpenAI.");
        }

        if (kind != LlmProviderKind.AzureOpenAI && string.IsNullOrWhiteSpace(provider.Model))
        {
            errors.Add($"{key}:Model is required for {kind}.");
        }

        // Local OpenAI-compatible servers (Ollama, vLLM) usually run without a key.
        if (kind != LlmProviderKind.OpenAICompatible && string.IsNullOrWhiteSpace(provider.ApiKey))
        {
            errors.Add($"{key}:ApiKey is required for {kind}; set it from a secret (e.g. the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}__ApiKey).");
        }

        if (provider.AttemptTimeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            errors.Add($"{key}:AttemptTimeout must be positive.");
        }

        if (provider.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{key}:MaxRetries must be between 0 and 10.");
        }

        if (provider.InputCostPerMillionTokens < 0 || provider.OutputCostPerMillionTokens < 0)
        {
            errors.Add($"{key}: token costs cannot be negative.");
        }
    }

    private static void ValidateChain(string key, string chain, LlmOptions options, List<string> errors, bool requireLinks)
    {
        var links = ChainLink.ParseChain(chain);
        if (requireLinks && links.Count == 0)
        {
            errors.Add($"{key} is empty: name one or more providers, e.g. 'main,backup'.");
        }

        foreach (var link in links.Where(l => !options.Providers.ContainsKey(l.Provider)))
        {
            var known = options.Providers.Count == 0 ? "none is configured" : $"configured: {string.Join(", ", options.Providers.Keys)}";
            errors.Add($"{key} names provider '{link.Provider}', which is not configured under {LlmOptions.SectionName}:Providers ({known}).");
        }
    }

    private static void ValidateEmbeddings(LlmOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.EmbeddingProvider))
        {
            return;
        }

        var key = $"{LlmOptions.SectionName}:EmbeddingProvider";
        if (!options.Providers.TryGetValue(options.EmbeddingProvider, out var provider))
        {
            errors.Add($"{key} names provider '{options.EmbeddingProvider}', which is not configured under {LlmOptions.SectionName}:Providers.");
            return;
        }

        if (provider.Kind is not (LlmProviderKind.OpenAI or LlmProviderKind.OpenAICompatible or LlmProviderKind.AzureOpenAI))
        {
            errors.Add($"{key}: provider '{options.EmbeddingProvider}' is {provider.Kind}, which has no embeddings API here; use an OpenAI, OpenAI-compatible or Azure OpenAI provider.");
        }

        if (string.IsNullOrWhiteSpace(provider.EmbeddingModel) || provider.EmbeddingDimensions <= 0)
        {
            errors.Add($"{LlmOptions.SectionName}:Providers:{options.EmbeddingProvider}: EmbeddingModel and EmbeddingDimensions are required to embed with it.");
        }
    }

    private static void ValidateResilience(LlmResilienceOptions resilience, List<string> errors)
    {
        var key = $"{LlmOptions.SectionName}:Resilience";
        if (resilience.AttemptTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{key}:AttemptTimeout must be positive.");
        }

        if (resilience.FirstTokenTimeout <= TimeSpan.Zero || resilience.FirstTokenTimeout >= resilience.AttemptTimeout)
        {
            errors.Add($"{key}:FirstTokenTimeout must be positive and shorter than AttemptTimeout ({resilience.AttemptTimeout}).");
        }

        if (resilience.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{key}:MaxRetries must be between 0 and 10.");
        }

        if (resilience.BaseDelay < TimeSpan.Zero || resilience.MaxDelay < resilience.BaseDelay)
        {
            errors.Add($"{key}: BaseDelay must be 0 or more and MaxDelay at least BaseDelay.");
        }

        if (resilience.CircuitFailureThreshold < 1 || resilience.CircuitBreakDuration <= TimeSpan.Zero)
        {
            errors.Add($"{key}: CircuitFailureThreshold must be at least 1 and CircuitBreakDuration positive.");
        }
    }
}
