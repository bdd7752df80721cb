using Dapr.Client;

namespace Rose.Platform.Dapr.Blobs;

/// <summary>One call to the blob binding through the sidecar; a delegate so that protocols stay free of <c>DaprClient</c> set-up.</summary>
internal delegate Task<BindingResponse> BlobBindingCall(BindingRequest request, CancellationToken cancellationToken);
