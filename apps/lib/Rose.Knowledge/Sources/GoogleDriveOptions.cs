namespace Rose.Knowledge.Sources;

/// <summary>Configuration section <c>Rose:Knowledge:GoogleDrive</c>: the Drive v3 REST API.</summary>
public sealed class GoogleDriveOptions
{
    public const string SectionName = "Rose:Knowledge:GoogleDrive";

    /// <summary>API root; tests point it at a local stub.</summary>
    public Uri BaseUrl { get; set; } = new("https://www.googleapis.com/");

    /// <summary>Default OAuth access token (drive.readonly scope) when a request brings none.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Most files taken from one folder.</summary>
    public int MaxFiles { get; set; } = 500;
}
