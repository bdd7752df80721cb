namespace Rose.Crm.Linear.Client;

/// <summary>Why a call to Linear did not give what was asked.</summary>
public enum LinearFailure
{
    /// <summary>401, or a GraphQL <c>AUTHENTICATION_ERROR</c>/<c>FORBIDDEN</c>: the API key is wrong, revoked or lacks access.</summary>
    KeyRejected,

    /// <summary>The key works but names no team it can see.</summary>
    TeamNotFound,

    /// <summary>429, or a GraphQL <c>RATELIMITED</c> error: Linear's per-key budget is spent until its reset.</summary>
    RateLimited,

    /// <summary>200 with <c>errors</c> (or <c>success: false</c>): Linear refused the operation.</summary>
    Refused,

    /// <summary>No answer, a timeout, a 5xx or a body that is not Linear's.</summary>
    Unavailable,
}
