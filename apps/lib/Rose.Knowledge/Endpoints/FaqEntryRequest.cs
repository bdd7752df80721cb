namespace Rose.Knowledge.Endpoints;

/// <summary>Body of <c>PUT /api/v1/knowledge/faqs/{faqId}</c>.</summary>
public sealed record FaqEntryRequest(string? Question, string? Answer, string? Url);
