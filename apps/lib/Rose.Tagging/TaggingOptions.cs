using System.ComponentModel.DataAnnotations;

namespace Rose.Tagging;

/// <summary>Configuration section <c>Rose:Tagging</c>.</summary>
public sealed class TaggingOptions
{
    public const string SectionName = "Rose:Tagging";

    /// <summary>At most this many conversations per tenant are tagged, and as many rescored, per run of the retag job.</summary>
    [Range(1, 10_000)]
    public int RetagBatchSize { get; set; } = 200;
}
