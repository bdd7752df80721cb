namespace Rose.Tenancy.Endpoints;

public sealed record AllowedOriginsRequest(IReadOnlyList<string>? AllowedOrigins);
