using Rose.Tagging.Labels;

namespace Rose.Tagging.Api;

/// <summary>The body of <c>PUT /api/v1/labels</c>: the tenant's intent labels, whole (<c>other</c> included).</summary>
public sealed record IntentLabelsRequest(List<IntentLabel>? Intents);
