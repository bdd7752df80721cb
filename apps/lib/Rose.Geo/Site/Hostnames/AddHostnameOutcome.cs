namespace Rose.Geo.Site.Hostnames;

/// <summary>What adding a hostname did.</summary>
internal enum AddHostnameOutcome
{
    Created,

    /// <summary>The tenant already had it: its token is unchanged.</summary>
    Existing,

    /// <summary>Another tenant has it.</summary>
    Taken,
}
