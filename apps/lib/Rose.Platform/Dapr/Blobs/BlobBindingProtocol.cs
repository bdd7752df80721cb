using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace Rose.Platform.Dapr.Blobs;

/// <summary>
/// What differs between Dapr's blob bindings: the metadata key that names an object, how <c>list</c> is
/// asked and answered, and the error text a missing object produces. One subclass per binding, each
/// following its source in dapr/components-contrib (named on the subclass).
/// </summary>
internal abstract class BlobBindingProtocol
{
    /// <summary>
    /// dapr/dapr pkg/messages/predefined.go <c>ErrInvokeOutputBinding</c> ("error invoking output binding %s: %s"),
    /// which pkg/api/grpc/grpc.go InvokeBinding returns as gRPC status Internal around the binding's error.
    /// </summary>
    private static readonly string InvokeErrorPrefix = "error invoking output binding " + DaprComponents.BlobStore + ": ";

    /// <summary>The request metadata key that names the object (<c>fileName</c>, <c>key</c>, <c>blobName</c>).</summary>
    public abstract string NameMetadataKey { get; }

    public static BlobBindingProtocol For(string kind) => kind switch
    {
        "localstorage" => new LocalStorageBlobProtocol(),
        "s3" => new S3BlobProtocol(),
        "gcs" => new GcsBlobProtocol(),
        "azure" => new AzureBlobProtocol(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Rose:Platform:BlobBinding:Kind must be one of " + string.Join(", ", BlobBindingOptions.Kinds) + "."),
    };

    /// <summary>Every object name under <paramref name="namePrefix"/> (which starts with <c>{tenantId}/</c>); names are whole stored names.</summary>
    public abstract Task<IReadOnlyList<string>> ListAsync(BlobBindingCall call, string tenantId, string namePrefix, CancellationToken cancellationToken);

    /// <summary>True when a <c>get</c> failed because the object does not exist.</summary>
    public bool IsMissingOnGet(DaprException exception) => BindingError(exception) is { } error && MissingOnGet(error);

    /// <summary>True when a <c>delete</c> failed because the object does not exist (deleting nothing is not an error for Rose).</summary>
    public bool IsMissingOnDelete(DaprException exception) => BindingError(exception) is { } error && MissingOnDelete(error);

    /// <summary>The binding's own error text, as the component returned it.</summary>
    protected abstract bool MissingOnGet(string bindingError);

    protected abstract bool MissingOnDelete(string bindingError);

    /// <summary>
    /// The component's error without daprd's prefix, or null when the failure is not a binding error
    /// (e.g. the sidecar is unreachable). Matching text is unavoidable here: daprd turns every binding
    /// error into gRPC Internal with the component's message, with no not-found code.
    /// </summary>
    protected static string? BindingError(DaprException exception)
    {
        if (exception.InnerException is not RpcException { StatusCode: StatusCode.Internal } rpc)
        {
            return null;
        }

        return rpc.Status.Detail.StartsWith(InvokeErrorPrefix, StringComparison.Ordinal) ? rpc.Status.Detail[InvokeErrorPrefix.Length..] : null;
    }
}
