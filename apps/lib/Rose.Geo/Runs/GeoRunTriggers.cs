namespace Rose.Geo.Runs;

/// <summary>What started a run.</summary>
public static class GeoRunTriggers
{
    /// <summary>The weekly cron job.</summary>
    public const string Schedule = "schedule";

    /// <summary>Rose staff (admin API) or client staff (backoffice).</summary>
    public const string Staff = "staff";

    /// <summary><c>knowledge.updated</c>: only the pages citing the changed document are redrafted.</summary>
    public const string KnowledgeUpdated = "knowledge-updated";
}
