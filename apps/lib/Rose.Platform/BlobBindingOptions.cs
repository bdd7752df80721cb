namespace Rose.Platform;

/// <summary>
/// <c>Rose:Platform:BlobBinding</c>: which Dapr blob binding <c>components/blobstore.yaml</c> is, because
/// each names objects by a different metadata key and answers <c>list</c> in its own shape.
/// </summary>
public sealed class BlobBindingOptions
{
    /// <summary>The wire names of <see cref="Kind"/>, as they are written in configuration.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["localstorage", "s3", "gcs", "azure"];

    /// <summary>
    /// <c>localstorage</c> (bindings.localstorage, the default and what components/blobstore.yaml is),
    /// <c>s3</c> (bindings.aws.s3, also R2), <c>gcs</c> (bindings.gcp.bucket) or <c>azure</c> (bindings.azure.blobstorage).
    /// </summary>
    public string Kind { get; set; } = "localstorage";
}
