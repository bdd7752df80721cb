using System.Globalization;
using System.Net.Mail;

namespace Rose.Enrichment.Identification;

/// <summary>
/// The offline identification that works everywhere: an e-mail address at a company's own domain
/// names the company. A free-mail address names nobody (<see cref="FreeMailDomains"/>).
/// </summary>
public static class EmailDomainCompanies
{
    public const string ProviderName = "email-domain";

    // Two-label public suffixes common among B2B sites; the registrable name is the label before them.
    private static readonly HashSet<string> TwoLabelSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.jp", "co.in", "com.br", "com.mx",
        "co.za", "com.sg", "com.tr", "com.cn", "co.kr", "com.ar", "gouv.fr", "asso.fr",
    };

    /// <summary>The domain of <paramref name="email"/>, lowercased, or null when it is not an address.</summary>
    public static string? DomainOf(string? email) =>
        email is not null && MailAddress.TryCreate(email.Trim(), out var address) && address.Host.Contains('.', StringComparison.Ordinal)
            ? address.Host.ToLowerInvariant().TrimEnd('.')
            : null;

    /// <summary>Whether <paramref name="email"/> is at a free-mail provider.</summary>
    public static bool IsFreeMail(string? email) => DomainOf(email) is { } domain && FreeMailDomains.Contains(domain);

    /// <summary>The company of a work address, or null for free mail and invalid addresses.</summary>
    public static CompanyIdentification? Identify(string? email)
    {
        var domain = DomainOf(email);
        if (domain is null || FreeMailDomains.Contains(domain))
        {
            return null;
        }

        // A visitor can type any address; a domain is strong evidence, not proof.
        return new CompanyIdentification(ProviderName, MatchKinds.EmailDomain, 0.8, NameOf(domain), domain);
    }

    /// <summary>"northwind-traders.co.uk" → "Northwind Traders": the registrable label, in title case.</summary>
    public static string NameOf(string domain)
    {
        var labels = domain.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var suffixLabels = labels.Length >= 3 && TwoLabelSuffixes.Contains(string.Join('.', labels[^2..])) ? 2 : 1;
        var name = labels.Length > suffixLabels ? labels[^(suffixLabels + 1)] : labels[0];
        var words = name.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w)));
    }
}
