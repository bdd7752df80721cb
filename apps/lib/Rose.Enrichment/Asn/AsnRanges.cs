namespace Rose.Enrichment.Asn;

/// <summary>Sorted, non-overlapping address ranges of one family (IPv4 as <see cref="uint"/>, IPv6 as <see cref="UInt128"/>), each with its network's index.</summary>
internal sealed class AsnRanges<T>(T[] starts, T[] ends, int[] networks) where T : struct, IComparable<T>
{
    public int Count => starts.Length;

    /// <summary>The network index of the range holding <paramref name="address"/>, or -1 when none does: a binary search on the starts.</summary>
    public int NetworkOf(T address)
    {
        var index = Array.BinarySearch(starts, address);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 && address.CompareTo(ends[index]) <= 0 ? networks[index] : -1;
    }
}
