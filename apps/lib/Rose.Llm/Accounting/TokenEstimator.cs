namespace Rose.Llm.Accounting;

/// <summary>
/// Used only when a provider reports no usage (some compatible servers do not stream it): about four
/// characters per token for Latin scripts, which is what the budgets need, not an invoice.
/// </summary>
internal static class TokenEstimator
{
    public static long Estimate(string text) => string.IsNullOrEmpty(text) ? 0 : Math.Max(1, (text.Length + 3) / 4);

    public static long Estimate(IEnumerable<string> texts) => texts.Sum(Estimate);
}
