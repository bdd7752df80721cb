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
    /// is above this: no fixed number of clusters. Used on the raw embeddings of a small run (fewer
    /// than <see cref="MinQuestionsToCenter"/> questions). Measured with MiniLM on the demo questions
    /// (<c>SmallRunThresholdTests</c>: every run of two or three of the eight demo needs, 6 to 16 questions):
    /// only 0.45–0.48 keeps every need's paraphrases in one cluster and no two needs together — at 0.42 the
    /// PostgreSQL paraphrases split in two, from 0.49 "run with Dapr" and "deploy on Kubernetes" merge.
    /// </summary>
    [Range(0.05, 1.5)]
    public double ClusterDistanceThreshold { get; set; } = 0.46;

    /// <summary>
    /// The same threshold for a run with enough questions that their mean is subtracted first: what all
    /// of a tenant's questions share ("how do I … Rose") then no longer pulls different needs together.
    /// Measured with MiniLM on the demo questions: paraphrases at 0.22–0.47, different needs at 0.87 and more.
    /// </summary>
    [Range(0.05, 1.5)]
    public double CenteredClusterDistanceThreshold { get; set; } = 0.7;

    /// <summary>From this many on-topic questions, clustering works on mean-centred embeddings (fewer: one or two needs would have nothing in common left).</summary>
    [Range(2, 10_000)]
    public int MinQuestionsToCenter { get; set; } = 20;

    /// <summary>The default of the tenant setting: a cluster becomes a page when asked in at least this many distinct conversations.</summary>
    [Range(1, 1000)]
    public int MinConversations { get; set; } = 2;

    /// <summary>A question whose best passage in the knowledge base is less similar than this is off-topic and dropped.</summary>
    [Range(0, 1)]
    public double OffTopicSimilarity { get; set; } = 0.2;

    /// <summary>An existing page whose question is this similar to a new cluster's canonical question keeps its id and slug.</summary>
    [Range(0, 1)]
    public double SamePageSimilarity { get; set; } = 0.8;

    /// <summary>
    /// A draft is a content gap unless its cited passages contain at least this share of the canonical
    /// question's content words (prefix-matched): the offline composer finds "related" sentences for a
    /// question about a product the docs never name, and a published FAQ page must answer it.
    /// </summary>
    [Range(0, 1)]
    public double MinQuestionCoverage { get; set; } = 0.6;

    /// <summary>Passages retrieved per draft.</summary>
    [Range(1, 20)]
    public int PassagesPerDraft { get; set; } = 5;
}
