namespace Rose.Enrichment.Asn;

/// <summary>One row of the source data: the addresses from <paramref name="Start"/> to <paramref name="End"/> (inclusive, as numbers) are announced by <paramref name="Asn"/>.</summary>
public sealed record AsnRangeRow(UInt128 Start, UInt128 End, uint Asn, string Organisation);
