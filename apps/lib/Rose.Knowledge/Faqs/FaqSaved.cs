namespace Rose.Knowledge.Faqs;

/// <summary>The entry as saved, and whether the save created it (else it replaced it).</summary>
public sealed record FaqSaved(FaqView Faq, bool Created);
