using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rose.Enrichment.Identification;

namespace Rose.Enrichment.Providers.IpInfo;

/// <summary>
/// IPinfo's company API (<c>GET {endpoint}/{ip}/company</c>, the token as a bearer header). Its
/// <c>type</c> classes the network: <c>business</c> and <c>education</c> name the visitor's
/// organisation; <c>isp</c> is residential or mobile; <c>hosting</c> a cloud, hosting or VPN network.
/// </summary>
public sealed class IpInfoCompanyProvider(HttpClient http, IOptions<IpInfoOptions> options, ILogger<IpInfoCompanyProvider> logger) : IIpCompanyProvider
{
    public const string ProviderName = "ipinfo";

    public string Name => ProviderName;

    public async Task<ProviderAnswer> LookupAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.Endpoint, $"{Uri.EscapeDataString(address.ToString())}/company"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return ProviderAnswer.NotFound;
            }

            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("IPinfo answered {Status}; the cascade moves on", (int)response.StatusCode);
                return ProviderAnswer.Failed;
            }

            var company = await response.Content.ReadFromJsonAsync<IpInfoCompany>(timeout.Token);
            return Classify(company);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogInformation("IPinfo lookup failed ({Reason}); the cascade moves on", e.GetType().Name);
            return ProviderAnswer.Failed;
        }
    }

    private static ProviderAnswer Classify(IpInfoCompany? company)
    {
        if (company?.Name is not { Length: > 0 } name)
        {
            return ProviderAnswer.NotFound;
        }

        return company.Type?.ToLowerInvariant() switch
        {
            "business" or "education" => new ProviderAnswer(ProviderOutcome.Answered, NetworkKind.Business,
                new CompanyIdentification(ProviderName, MatchKinds.IpRange, company.Type == "business" ? 0.75 : 0.6, name, company.Domain?.ToLowerInvariant())),
            "isp" => new ProviderAnswer(ProviderOutcome.Answered, NetworkKind.Residential, null),
            "hosting" => new ProviderAnswer(ProviderOutcome.Answered, NetworkKind.Hosting, null),
            _ => ProviderAnswer.NotFound,
        };
    }
}
