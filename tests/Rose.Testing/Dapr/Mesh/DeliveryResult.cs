namespace Rose.Testing.Dapr.Mesh;

/// <summary>How daprd reads one delivery attempt's answer (dapr/dapr <c>pkg/runtime/subscription/postman/http/http.go</c>).</summary>
public enum DeliveryResult
{
    /// <summary>2xx with <c>{"status":"SUCCESS"}</c>, an empty status, an empty or unparsable body.</summary>
    Success,

    /// <summary><c>RETRY</c>, an unknown status, a non-2xx other than 404, or no answer at all.</summary>
    Retry,

    /// <summary><c>DROP</c> or 404: not retried (and sent to the dead-letter topic when there is one).</summary>
    Drop,
}
