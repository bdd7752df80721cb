namespace Rose.Enrichment.Identification;

/// <summary>How an identification matched the visitor (wire values, lowercase kebab-case).</summary>
public static class MatchKinds
{
    /// <summary>A provider named the company (its own data, e.g. a reverse-IP database).</summary>
    public const string Provider = "provider";

    /// <summary>The address lies in a range registered to the company.</summary>
    public const string IpRange = "ip-range";

    /// <summary>The address belongs to the company's own autonomous system.</summary>
    public const string Asn = "asn";

    /// <summary>The visitor left an e-mail address at the company's domain.</summary>
    public const string EmailDomain = "email-domain";
}
