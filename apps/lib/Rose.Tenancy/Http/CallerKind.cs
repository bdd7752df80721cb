namespace Rose.Tenancy.Http;

/// <summary>Who may call an endpoint, and so how the tenant is found.</summary>
public enum CallerKind
{
    /// <summary>The widget: public key (<c>X-Rose-Key</c> or <c>?key=</c>) from an allowed origin.</summary>
    Widget,

    /// <summary>A client's back office or integration: <c>Authorization: Bearer rk_…</c>.</summary>
    Management,

    /// <summary>Rose staff: <c>Authorization: Bearer</c> with the key in <c>Rose:Admin:ApiKey</c>.</summary>
    Staff,
}
