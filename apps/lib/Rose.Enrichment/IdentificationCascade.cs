using System.Net;
using Rose.Enrichment.Budget;
using Rose.Enrichment.Providers;
using Rose.Enrichment.Settings;

namespace Rose.Enrichment;

/// <summary>
/// Asks the configured IP-to-company providers in their tier order and stops at the first confident
/// answer: a company at or above <see cref="MinConfidence"/>, or a network that is no company
/// (residential, hosting: another tier would only pay to say the same). A provider that fails (429,
/// 5xx, timeout) or knows nothing hands over to the next tier. Per tenant, a provider the tenant
/// turned off is not asked, and one whose monthly budget this lookup would pass is not asked either
/// (<see cref="ProviderBudget"/>): the next tier is.
/// </summary>
public sealed class IdentificationCascade(IEnumerable<IIpCompanyProvider> providers, ProviderBudget budget)
{
    public const double MinConfidence = 0.5;

    private readonly IReadOnlyList<IIpCompanyProvider> tiers = [.. providers];

    /// <summary>False when no provider is configured: identification by address is off.</summary>
    public bool IsEnabled => tiers.Count > 0;

    /// <summary>False when no configured provider is on for the tenant.</summary>
    public bool IsEnabledFor(EnrichmentSettings settings) => tiers.Any(t => settings.For(t.Name).Enabled);

    /// <returns>What the tiers found; <see cref="IdentificationResult.Asked"/> names the providers a request was sent to.</returns>
    public async Task<IdentificationResult> IdentifyAsync(string tenantId, EnrichmentSettings settings, IPAddress address, CancellationToken cancellationToken)
    {
        var asked = new List<string>();
        var best = new IdentificationResult(null, NetworkKind.Unknown, asked);
        foreach (var provider in tiers)
        {
            var terms = settings.For(provider.Name);
            if (!terms.Enabled || !await budget.TryChargeAsync(tenantId, provider.Name, terms, cancellationToken))
            {
                continue;
            }

            asked.Add(provider.Name);
            var answer = await provider.LookupAsync(address, cancellationToken);
            if (answer.Outcome != ProviderOutcome.Answered)
            {
                continue;
            }

            if (answer.Network is NetworkKind.Residential or NetworkKind.Hosting)
            {
                return new IdentificationResult(null, answer.Network, asked);
            }

            if (answer.Company is { } company)
            {
                if (company.Confidence >= MinConfidence)
                {
                    return new IdentificationResult(company, answer.Network, asked);
                }

                // A weak match is kept in case no later tier does better.
                best = best.Company is null || company.Confidence > best.Company.Confidence ? new IdentificationResult(company, answer.Network, asked) : best;
            }
        }

        return best;
    }
}
