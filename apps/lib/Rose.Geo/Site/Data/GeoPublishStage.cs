namespace Rose.Geo.Site.Data;

/// <summary>How far a publish got; stored as lowercase kebab-case text.</summary>
public enum GeoPublishStage
{
    /// <summary>The new set is being written; the changed URLs are known.</summary>
    Writing,

    /// <summary>The manifest names the new set; readers see it.</summary>
    Switched,

    /// <summary>IndexNow was called (or there was nothing to ping); the publish is done.</summary>
    Pinged,
}
