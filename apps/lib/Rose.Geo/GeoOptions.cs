using System.ComponentModel.DataAnnotations;

namespace Rose.Geo;

/// <summary>Configuration section <c>Rose:Geo</c> (the workflow's side; publishing has its own settings).</summary>
public sealed class GeoOptions
{
    public const string SectionName = "Rose:Geo";

    /// <summary>A run reads the visitor questions of this many days before it starts.</summary>
    [Range(1, 366)]
    public int PeriodDays { get; set; } = 30;

    /// <summary>At most this many questions per run (the most recent are kept): clustering is quadratic in them.</summary>
    [Range(10, 5000)]
    public int MaxQuestions { get; set; } = 2000;

    /// <summary>
    /// Agglomerative clustering stops merging when the average cosine distance between two clusters
    /// is above this: no fixed number of clusters. Measured on the demo questions with MiniLM:
    /// paraphrases of one need sit below 0.45, different needs above 0.6.
    /// </summary>
    [Range(0.05, 1.5)]
    public double ClusterDistanceThreshold { get; set; } = 0.5;

    /// <summary>The default of the tenant setting: a cluster becomes a page when asked in at least this many distinct conversations.</summary>
    [Range(1, 1000)]
    public int MinConversations { get; set; } = 2;

    /// <summary>A question whose best passage in the knowledge base is less similar than this is off-topic and dropped.</summary>
    [Range(0, 1)]
    public double OffTopicSimilarity { get; set; } = 0.2;

    /// <summary>An existing page whose question is this similar to a new cluster's canonical question keeps its id and slug.</summary>
    [Range(0, 1)]
    public double SamePageSimilarity { get; set; } = 0.8;

    /// <summary>Passages retrieved per draft.</summary>
    [Range(1, 20)]
    public int PassagesPerDraft { get; set; } = 5;
}
